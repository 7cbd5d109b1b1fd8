import type { Technology } from '#shared/modules/ip/rules/offices.ts';
import { localDate } from '#shared/platform/obligations/rules/reminders.ts';
import type { Db } from '../../../db/types.ts';
import { type Actor, type SiteScope, scopeHas, sitesWith } from '../../../platform/access/actor.ts';
import { ValidationError } from '../../../platform/http/errors.ts';
import type { Importer, RowError } from '../../../platform/imports/importer.ts';
import type { OrgService } from '../../../platform/org/service.ts';
import type { PeopleService } from '../../../platform/people/service.ts';
import type { CalendarsService } from '../calendars.ts';
import type { FamiliesService } from '../families.ts';
import type { MattersService } from '../matters.ts';
import { ipMattersImportKind } from '../messages.ts';
import * as repo from '../repo.ts';
import { type FamilyCells, MATTER_COLUMNS, type MatterImportRow, readMatterRow } from './columns.ts';

export const MATTERS_IMPORT = 'ip_matters';
const PROGRAM = 'ip' as const;

type Inventor = { employeeId: string; name: string; share: number };

/** A family the rows name: in the register (`id`), or new and written with its first row (`id` null until then). */
type KnownFamily = {
  id: string | null;
  siteId: string;
  timeZone: string;
  title: string;
  technology: Technology;
  green: boolean;
  sustainabilityFocus: string | null;
  inventors: Inventor[];
};

type Context = {
  actor: Actor;
  sites: Map<string, { id: string; code: string; timeZone: string }>;
  siteById: Map<string, { code: string; timeZone: string }>;
  /** Where the actor manages IP, and whose employees they may name as inventors. */
  manage: SiteScope;
  people: SiteScope;
  /** Office and application number → the file row that holds it. */
  numbers: Map<string, number>;
  /** The family cells of the first row naming each reference, and that row. */
  inFile: Map<string, { row: number; cells: FamilyCells }>;
  families: Map<string, KnownFamily>;
  calendars: Awaited<ReturnType<CalendarsService['load']>> | null;
  created: { families: number; matters: number };
};

/** The service's field paths as the file's columns, for errors a matter's checks raise. */
const COLUMN_OF: Record<string, string> = {
  priorityDate: 'priority_date',
  termFrom: 'term_from',
  publicationDate: 'publication_date',
  grantDate: 'grant_date',
  statusOn: 'status_on',
  kind: 'kind',
  entitySize: 'entity_size',
  validationStates: 'validation_states',
  unitaryEffect: 'unitary_effect',
};

const FAMILY_FIELDS = ['title', 'technology', 'green', 'sustainabilityFocus'] as const;
const FAMILY_COLUMN: Record<(typeof FAMILY_FIELDS)[number], string> = {
  title: 'title',
  technology: 'technology',
  green: 'green',
  sustainabilityFocus: 'sustainability_focus',
};
const inventorsKey = (list: { key: string; share: number }[]) =>
  list
    .map((i) => `${i.key}:${i.share}`)
    .sort()
    .join(';');

/**
 * Patent matters from a docketing system's spreadsheet, or from USPTO grant XML converted to the same columns,
 * through the platform pipeline (preview with errors naming row and column, all or nothing). Each row is one
 * matter; its family is named by reference: one in the register that the importer manages, or a new one
 * described on its rows (owner site, title, technology, green flag, inventors by employee number and share).
 * An office and application number already in the register or twice in the file is refused. Matters are
 * written by the matters service's own path, so their statuses, audit events and deadline obligations are
 * those of a matter entered by hand.
 */
export function createMattersImporter(deps: {
  org: Pick<OrgService, 'sitesWithSubsidiary'>;
  people: Pick<PeopleService, 'employeeEssentialsByNumber'>;
  families: Pick<FamiliesService, 'insertFamily'>;
  matters: Pick<MattersService, 'prepareMatter' | 'insertMatter'>;
  calendars: Pick<CalendarsService, 'load'>;
  now: () => Date;
}): Importer<MatterImportRow, Context> {
  const today = (timeZone: string) => localDate(deps.now(), timeZone);

  /** The matter's own checks (dates in order, kind, entity size, the day of its status), as row errors. */
  function matterProblems(row: MatterImportRow, family: KnownFamily): RowError[] {
    try {
      deps.matters.prepareMatter(
        { id: family.id ?? '', site_id: family.siteId },
        row.matter,
        today(family.timeZone),
      );
      return [];
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const fields = (error.extra.errors ?? []) as { path: string; message: string }[];
      if (fields.length === 0) return [{ column: 'status_on', message: error.message }];
      return fields.map((f) => ({ column: COLUMN_OF[f.path] ?? null, message: f.message }));
    }
  }

  return {
    kind: MATTERS_IMPORT,
    name: ipMattersImportKind,
    permission: 'ip.manage',
    columns: MATTER_COLUMNS,

    async prepare(db, actor) {
      const all = await deps.org.sitesWithSubsidiary('all', db);
      return {
        actor,
        sites: new Map(
          all.map((s) => [s.code.toUpperCase(), { id: s.id, code: s.code, timeZone: s.timeZone }]),
        ),
        siteById: new Map(all.map((s) => [s.id, { code: s.code, timeZone: s.timeZone }])),
        manage: sitesWith(actor, 'ip.manage', PROGRAM),
        people: sitesWith(actor, 'people.read'),
        numbers: new Map(),
        inFile: new Map(),
        families: new Map(),
        calendars: null,
        created: { families: 0, matters: 0 },
      };
    },

    check(record, c, _actor, rowNumber) {
      const read = readMatterRow(record);
      if ('errors' in read) return read;
      const { row } = read;
      const errors: RowError[] = [];
      const number = `${row.matter.office} ${row.matter.applicationNo}`;
      const seen = c.numbers.get(number);
      if (seen !== undefined)
        errors.push({ column: 'application_no', message: `${number} is also on row ${seen}` });
      else c.numbers.set(number, rowNumber);
      const site = row.family.siteCode ? c.sites.get(row.family.siteCode) : undefined;
      if (row.family.siteCode && (!site || !scopeHas(c.manage, site.id)))
        errors.push({ column: 'site_code', message: `No site ${row.family.siteCode} where you manage IP` });
      // A family described on several rows is described the same way on each.
      const first = c.inFile.get(row.reference);
      if (!first) c.inFile.set(row.reference, { row: rowNumber, cells: { ...row.family } });
      else {
        const cells = first.cells;
        const differs = (column: string, a: unknown, b: unknown) => {
          if (a !== null && b !== null && JSON.stringify(a) !== JSON.stringify(b))
            errors.push({ column, message: `Differs from row ${first.row} of family ${row.reference}` });
        };
        differs('site_code', row.family.siteCode, cells.siteCode);
        for (const f of FAMILY_FIELDS) differs(FAMILY_COLUMN[f], row.family[f], cells[f]);
        differs(
          'inventors',
          row.family.inventors &&
            inventorsKey(row.family.inventors.map((i) => ({ key: i.employeeNo, share: i.share }))),
          cells.inventors &&
            inventorsKey(cells.inventors.map((i) => ({ key: i.employeeNo, share: i.share }))),
        );
        // Cells left empty on the first row are taken from a later one.
        for (const key of Object.keys(cells) as (keyof FamilyCells)[])
          if (cells[key] === null && row.family[key] !== null)
            Object.assign(cells, { [key]: row.family[key] });
      }
      return errors.length ? { errors } : { row };
    },

    async checkBatch(db, rows, c) {
      const errors: (RowError & { row: number })[] = [];
      const unknown = [...new Set(rows.map((r) => r.row.reference))].filter((ref) => !c.families.has(ref));
      const inRegister = new Map((await repo.familiesByReference(db, unknown)).map((f) => [f.reference, f]));
      const registerInventors = await repo.inventorsOf(
        db,
        [...inRegister.values()].map((f) => f.id),
      );
      const employees = await deps.people.employeeEssentialsByNumber(
        rows.flatMap((r) => (r.row.family.inventors ?? []).map((i) => i.employeeNo)),
        db,
      );
      const taken = await repo.numbersInRegister(
        db,
        rows.map((r) => r.row.matter),
      );

      for (const { row, rowNumber } of rows) {
        const refuse = (column: string | null, message: string) =>
          errors.push({ row: rowNumber, column, message });
        const cells = c.inFile.get(row.reference)?.cells ?? row.family;
        // Inventors by employee number: employees the importer may see, as on the form.
        let inventors: Inventor[] | null = null;
        if (row.family.inventors) {
          inventors = [];
          for (const i of row.family.inventors) {
            const e = employees.get(i.employeeNo);
            if (!e || !scopeHas(c.people, e.siteId))
              refuse('inventors', `No employee ${i.employeeNo} you can see`);
            else inventors.push({ employeeId: e.id, name: e.fullName, share: i.share });
          }
        }
        let family = c.families.get(row.reference);
        const registered = inRegister.get(row.reference);
        if (!family && registered) {
          const site = c.siteById.get(registered.site_id);
          if (!site || !scopeHas(c.manage, registered.site_id)) {
            refuse('family_reference', `Family ${row.reference} is not one you manage`);
            continue;
          }
          family = {
            id: registered.id,
            siteId: registered.site_id,
            timeZone: site.timeZone,
            title: registered.title,
            technology: registered.technology,
            green: registered.green,
            sustainabilityFocus: registered.sustainability_focus,
            inventors: registeredInventors(registerInventors.get(registered.id) ?? []),
          };
          c.families.set(row.reference, family);
        }
        if (!family) {
          // A new family: described by its rows.
          const site = cells.siteCode ? c.sites.get(cells.siteCode) : undefined;
          if (!cells.siteCode) refuse('site_code', 'Required for a new family');
          if (!cells.title) refuse('title', 'Required for a new family');
          if (!site || !cells.title || !scopeHas(c.manage, site.id)) continue;
          family = {
            id: null,
            siteId: site.id,
            timeZone: site.timeZone,
            title: cells.title,
            technology: cells.technology ?? 'other',
            green: cells.green ?? false,
            sustainabilityFocus: cells.sustainabilityFocus,
            inventors: inventors ?? [],
          };
          c.families.set(row.reference, family);
        } else {
          // A known family: what the row says of it must be what the register (or its first row) holds.
          const site = row.family.siteCode ? c.sites.get(row.family.siteCode) : undefined;
          if (site && site.id !== family.siteId)
            refuse('site_code', `Family ${row.reference} belongs to ${c.siteById.get(family.siteId)?.code}`);
          for (const f of FAMILY_FIELDS)
            if (row.family[f] !== null && row.family[f] !== family[f])
              refuse(FAMILY_COLUMN[f], `Differs from family ${row.reference} in the register`);
          if (
            inventors &&
            inventorsKey(inventors.map((i) => ({ key: i.employeeId, share: i.share }))) !==
              inventorsKey(family.inventors.map((i) => ({ key: i.employeeId, share: i.share })))
          )
            refuse('inventors', `Differs from the inventors of family ${row.reference}`);
        }
        if (taken.has(`${row.matter.office} ${row.matter.applicationNo}`))
          refuse(
            'application_no',
            `${row.matter.office} ${row.matter.applicationNo} is already in the portfolio`,
          );
        for (const e of matterProblems(row, family)) errors.push({ row: rowNumber, ...e });
      }
      return errors;
    },

    async insert(trx, rows, c) {
      c.calendars ??= await deps.calendars.load(trx);
      for (const row of rows) {
        const family = c.families.get(row.reference);
        if (!family) throw new Error(`Family ${row.reference} reached the insert unchecked`);
        if (family.id === null) {
          const created = await deps.families.insertFamily(
            trx,
            c.actor,
            {
              site_id: family.siteId,
              reference: row.reference,
              title: family.title,
              technology: family.technology,
              green: family.green,
              sustainability_focus: family.sustainabilityFocus,
            },
            family.inventors,
          );
          family.id = created.id;
          c.created.families++;
        }
        const prepared = deps.matters.prepareMatter(
          { id: family.id, site_id: family.siteId },
          row.matter,
          today(family.timeZone),
        );
        await deps.matters.insertMatter(trx as Db, c.actor, prepared, c.calendars);
        c.created.matters++;
      }
      return rows.length;
    },

    auditDetails(c) {
      return { familiesCreated: c.created.families, mattersCreated: c.created.matters };
    },
  };
}

function registeredInventors(list: { employeeId: string; name: string; share: number }[]): Inventor[] {
  return list.map((i) => ({ employeeId: i.employeeId, name: i.name, share: i.share }));
}
