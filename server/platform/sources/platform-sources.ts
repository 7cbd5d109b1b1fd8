import type { Program } from '#shared/platform/access/roles.ts';
import { renderText, storedText } from '../i18n/message.ts';
import type { SourcesService } from './service.ts';

const program = (key: string | null) => (key ?? undefined) as Program | undefined;

/** The platform's own source types: actions, certificates, committees and their meetings. */
export function registerPlatformSources(sources: SourcesService) {
  sources.register('action', async (db, id, locale) => {
    const r = await db
      .selectFrom('actions')
      .select(['title', 'title_key', 'title_params', 'site_id'])
      .where('id', '=', id)
      .executeTakeFirst();
    // A title the server wrote is a message: shown in the reader's language.
    return (
      r && {
        label: renderText(locale, storedText(r.title_key, r.title_params, r.title)),
        siteId: r.site_id,
        // As the action itself: every reader of actions at its site, whatever its program.
        permission: 'actions.read',
      }
    );
  });
  sources.register('certification', async (db, id) => {
    const r = await db
      .selectFrom('certifications')
      .leftJoin('sites', 'sites.id', 'certifications.site_id')
      .select(['certifications.standard', 'certifications.site_id', 'sites.code'])
      .where('certifications.id', '=', id)
      .executeTakeFirst();
    return (
      r && {
        label: r.code ? `${r.standard} · ${r.code}` : r.standard,
        siteId: r.site_id,
        permission: 'certifications.read',
      }
    );
  });
  sources.register('committee', async (db, id, locale) => {
    const r = await db
      .selectFrom('committees')
      .select(['name', 'name_zh', 'site_id', 'program'])
      .where('id', '=', id)
      .executeTakeFirst();
    return (
      r && {
        label: (locale === 'zh-TW' && r.name_zh) || r.name,
        siteId: r.site_id,
        permission: 'meetings.read',
        program: program(r.program),
      }
    );
  });
  sources.register('meeting', async (db, id) => {
    const r = await db
      .selectFrom('meetings')
      .select(['title', 'site_id'])
      .where('id', '=', id)
      .executeTakeFirst();
    return r && { label: r.title, siteId: r.site_id, permission: 'meetings.read' };
  });
}
