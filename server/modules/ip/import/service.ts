import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import type { z } from 'zod';
import type { UsptoUploadView, usptoUploadQuery } from '#shared/modules/ip/import/contract.ts';
import { type Actor, scopeHas, sitesWith } from '../../../platform/access/actor.ts';
import { access } from '../../../platform/access/service.ts';
import { ValidationError } from '../../../platform/http/errors.ts';
import type { ImportsService } from '../../../platform/imports/service.ts';
import { type EmployeeEssentials, nameKey } from '../../../platform/people/employees.ts';
import type { PeopleService } from '../../../platform/people/service.ts';
import type { SitesLookup } from '../sites.ts';
import { MATTER_COLUMNS } from './columns.ts';
import { MATTERS_IMPORT } from './importer.ts';
import { readUsptoGrants, type UsptoGrant } from './uspto.ts';

/** A weekly USPTO grant file is about 100–200 MB; split it, or upload the grants of your own families. */
export const USPTO_XML_MAX_BYTES = 50 * 1024 * 1024;

type Matched = { name: string; employee: EmployeeEssentials | null; ambiguous: boolean };

/** Shares for inventors the grant does not apportion: equal, whole per cent, the first ones taking the rest. */
export function equalShares(n: number): number[] {
  const base = Math.floor(100 / n);
  return Array.from({ length: n }, (_, i) => base + (i < 100 - base * n ? 1 : 0));
}

/** One grant as a row of the matters import (the columns of `MATTER_COLUMNS`). */
export function grantRow(
  g: UsptoGrant,
  family: { siteCode: string; technology: string },
  inventors: Matched[],
): Record<string, string> {
  const found = inventors.filter((i) => i.employee);
  const shares = equalShares(found.length || 1);
  return {
    family_reference: `US${g.patentNo}`,
    site_code: family.siteCode,
    title: g.title,
    technology: family.technology,
    green: '',
    sustainability_focus: '',
    inventors: found.map((i, n) => `${i.employee?.employeeNo}:${shares[n]}`).join('; '),
    office: 'US',
    // A kind Steward does not keep (a plant patent) stays as printed: the import refuses its row.
    kind: g.kind ?? `${g.applicationType ?? 'other'} (${g.kindCode})`,
    route: 'direct',
    application_no: g.applicationNo,
    filing_date: g.filingDate,
    priority_date: g.priorityDate ?? '',
    term_from: g.termFrom ?? '',
    publication_no: g.publicationNo ?? '',
    publication_date: g.publicationDate ?? '',
    patent_no: g.patentNo,
    grant_date: g.grantDate,
    status: 'granted',
    status_on: '',
    term_adjustment_days: String(g.termAdjustmentDays),
    entity_size: '',
    claims: g.claims === null ? '' : String(g.claims),
    ipc_classes: g.ipcClasses.join('; '),
    cpc_classes: g.cpcClasses.join('; '),
    backward_citations: String(g.citations),
  };
}

/**
 * US patent grants from the USPTO's grant XML, converted to the rows of the matters import and handed to the
 * platform pipeline (its preview, errors and all-or-nothing commit follow as for a spreadsheet). Inventors are
 * found among the employees the importer may see by their printed name (given and family name, either order);
 * one that matches no employee, or several, is reported in the answer and left off the family.
 */
export function createUsptoImportService(deps: {
  imports: Pick<ImportsService, 'upload'>;
  people: Pick<PeopleService, 'employeeEssentialsByName'>;
  sites: SitesLookup;
}) {
  async function matchInventors(actor: Actor, grants: UsptoGrant[]) {
    const keys = (p: UsptoGrant['inventors'][number]) => [
      nameKey(`${p.givenName} ${p.familyName}`),
      nameKey(`${p.familyName} ${p.givenName}`),
    ];
    const byName = await deps.people.employeeEssentialsByName(
      grants.flatMap((g) => g.inventors.flatMap(keys)),
    );
    const visible = sitesWith(actor, 'people.read');
    return grants.map((g) =>
      g.inventors.map((p): Matched => {
        const candidates = new Map<string, EmployeeEssentials>();
        for (const key of keys(p))
          for (const e of byName.get(key) ?? []) if (scopeHas(visible, e.siteId)) candidates.set(e.id, e);
        const [only] = candidates.values();
        return {
          name: `${p.givenName} ${p.familyName}`.trim(),
          employee: candidates.size === 1 ? only : null,
          ambiguous: candidates.size > 1,
        };
      }),
    );
  }

  return {
    async upload(
      actor: Actor,
      query: z.infer<typeof usptoUploadQuery>,
      file: { filename: string; stream: Readable },
    ): Promise<UsptoUploadView> {
      const site = await deps.sites.forWriting(query.siteId);
      access.assert(actor, { permission: 'ip.manage', siteId: site.id, what: 'site', program: 'ip' });
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of file.stream) {
        size += chunk.length;
        if (size > USPTO_XML_MAX_BYTES)
          throw new ValidationError('The XML file is larger than 50 MB.', [
            { path: 'file', message: 'Too large' },
          ]);
        chunks.push(chunk as Buffer);
      }
      let grants: UsptoGrant[];
      try {
        grants = readUsptoGrants(Buffer.concat(chunks).toString('utf8'));
      } catch (error) {
        throw new ValidationError((error as Error).message, [
          { path: 'file', message: 'Not USPTO grant XML' },
        ]);
      }
      const inventors = await matchInventors(actor, grants);
      const rows = grants.map((g, i) =>
        grantRow(g, { siteCode: site.code, technology: query.technology }, inventors[i]),
      );
      const columns = MATTER_COLUMNS.map((c) => c.key);
      const csv = stringify(
        rows.map((r) => columns.map((c) => r[c] ?? '')),
        { header: true, columns },
      );
      const base =
        file.filename
          .split(/[\\/]/)
          .pop()
          ?.replace(/\.xml$/i, '') || 'uspto';
      const job = await deps.imports.upload(actor, MATTERS_IMPORT, {
        filename: `${base}.uspto.csv`,
        stream: Readable.from([csv]),
      });
      return {
        import: job,
        grants: grants.map((g, i) => ({
          patentNo: g.patentNo,
          kindCode: g.kindCode,
          applicationNo: g.applicationNo,
          title: g.title,
          inventors: inventors[i].map((m) => ({
            name: m.name,
            employeeNo: m.employee?.employeeNo ?? null,
            ambiguous: m.ambiguous,
          })),
        })),
      };
    },
  };
}

export type UsptoImportService = ReturnType<typeof createUsptoImportService>;
