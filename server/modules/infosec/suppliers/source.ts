import type { SourcesService } from '../../../platform/sources/service.ts';
import { SUPPLIER_ASSESSMENT_RECORD } from './assessments.ts';

/** Improvement items of a supplier assessment are platform actions whose source is the assessment. */
export function registerSupplierAssessmentSource(sources: SourcesService) {
  sources.register(SUPPLIER_ASSESSMENT_RECORD, async (handle, id, locale) => {
    const r = await handle
      .selectFrom('infosec_supplier_assessments as a')
      .innerJoin('infosec_suppliers as s', 's.id', 'a.supplier_id')
      .select(['a.site_id', 'a.started_on', 's.name'])
      .where('a.id', '=', id)
      .executeTakeFirst();
    if (!r) return null;
    const label =
      locale === 'zh-TW'
        ? `${r.name} 資安評核（${r.started_on}）`
        : `${r.name} cybersecurity assessment (${r.started_on})`;
    return { label, siteId: r.site_id, permission: 'infosec.read', program: 'infosec' };
  });
}
