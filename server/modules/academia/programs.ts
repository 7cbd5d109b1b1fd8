import type { z } from 'zod';
import type * as c from '#shared/modules/academia/program-contract.ts';
import { likePattern } from '#shared/platform/http/list.ts';
import { listPage } from '../../db/paging.ts';
import type { Db } from '../../db/types.ts';
import { type Actor, holdsAnywhere, sitesWith } from '../../platform/access/actor.ts';
import { access } from '../../platform/access/service.ts';
import { auditedUpdate } from '../../platform/audit/audited-update.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../../platform/http/errors.ts';
import { type AcademiaDeps, PROGRAM } from './deps.ts';
import * as repo from './program-repo.ts';

const programSort = { name: 'g.name', code: 'g.code', kind: 'g.kind' } as const;

/**
 * The academia office's programs: group records with a code that the records under each carry (interns,
 * courses, scholarships; a research line's projects), bilingual names, a kind, owners, sites and active
 * years. Everyone in the program reads them; the group-wide program owner, or one of a program's owners who
 * runs the program somewhere, edits them.
 */
export function createProgramsService(deps: AcademiaDeps) {
  const { db } = deps;

  async function views(rows: repo.ProgramRow[], handle: Db = db) {
    const links = await repo.programLinks(
      handle,
      rows.map((r) => r.id),
    );
    const [labels, names] = await Promise.all([
      deps.org.siteLabels(links.sites.map((s) => s.site_id)),
      deps.users.displayNames(links.owners.map((o) => o.user_id)),
    ]);
    return rows.map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      nameZh: r.name_zh,
      kind: r.kind,
      description: r.description,
      activeFrom: r.active_from,
      activeTo: r.active_to,
      owners: links.owners
        .filter((o) => o.program_id === r.id)
        .map((o) => ({ userId: o.user_id, displayName: names.get(o.user_id) ?? '—' }))
        .sort((a, b) => a.displayName.localeCompare(b.displayName)),
      sites: links.sites
        .filter((s) => s.program_id === r.id)
        .map((s) => ({ siteId: s.site_id, siteCode: labels.get(s.site_id)?.code ?? '—' }))
        .sort((a, b) => a.siteCode.localeCompare(b.siteCode)),
      version: r.version,
    }));
  }

  async function rowOrNotFound(id: string, handle: Db = db) {
    const row = await repo.programRows(handle).where('g.id', '=', id).executeTakeFirst();
    if (!row) throw new NotFoundError('program');
    return row;
  }

  /** The group-wide program owner; for an existing program, also one of its owners who runs the program. */
  async function assertEdit(actor: Actor, programId: string | null, handle: Db = db) {
    if (sitesWith(actor, 'academia.manage', PROGRAM) === 'all') return;
    if (programId && actor.userId) {
      const { owners } = await repo.programLinks(handle, [programId]);
      const owner = owners.some((o) => o.user_id === actor.userId);
      if (owner && holdsAnywhere(actor, 'academia.manage', PROGRAM)) return;
    }
    throw new ForbiddenError('academia.manage');
  }

  async function assertInput(
    input: { activeFrom?: number | null; activeTo?: number | null; siteIds?: string[]; ownerIds?: string[] },
    current?: repo.ProgramRow,
  ) {
    const from = input.activeFrom === undefined ? (current?.active_from ?? null) : input.activeFrom;
    const to = input.activeTo === undefined ? (current?.active_to ?? null) : input.activeTo;
    if (from !== null && to !== null && to < from)
      throw new ValidationError('The last active year comes before the first.', [
        { path: 'activeTo', message: 'Before the first active year' },
      ]);
    if (input.siteIds?.length) {
      const unique = [...new Set(input.siteIds)];
      const found = await deps.org.siteLabels(unique);
      if (found.size !== unique.length)
        throw new ValidationError('No such site.', [{ path: 'siteIds', message: 'Unknown site' }]);
    }
    if (input.ownerIds?.length) await deps.users.assertActiveUsers([...new Set(input.ownerIds)], 'ownerIds');
  }

  return {
    async list(actor: Actor, q: z.infer<typeof c.programListQuery>) {
      access.listScope(actor, 'academia.read', PROGRAM);
      let base = repo.programRows(db);
      if (q.kind) base = base.where('g.kind', '=', q.kind);
      if (q.siteId) {
        const siteId = q.siteId;
        base = base.where((eb) =>
          eb.exists(
            eb
              .selectFrom('academia_program_sites as s')
              .select('s.program_id')
              .whereRef('s.program_id', '=', 'g.id')
              .where('s.site_id', '=', siteId),
          ),
        );
      }
      if (q.year) {
        const year = q.year;
        base = base
          .where((eb) => eb.or([eb('g.active_from', 'is', null), eb('g.active_from', '<=', year)]))
          .where((eb) => eb.or([eb('g.active_to', 'is', null), eb('g.active_to', '>=', year)]));
      }
      if (q.q) {
        const like = likePattern(q.q);
        base = base.where((eb) =>
          eb.or([eb('g.name', 'ilike', like), eb('g.name_zh', 'ilike', like), eb('g.code', 'ilike', like)]),
        );
      }
      const page = await listPage(db, base, q, {
        sortColumn: programSort[q.sort],
        tieBreaker: 'g.id',
        toView: (r: repo.ProgramRow) => r,
      });
      return { ...page, items: await views(page.items) };
    },

    /** The program, and what hangs under it at the reader's sites. */
    async get(actor: Actor, id: string) {
      const scope = access.listScope(actor, 'academia.read', PROGRAM);
      const row = await rowOrNotFound(id);
      const [view] = await views([row]);
      return { ...view, counts: await repo.recordsUnder(db, row.code, scope) };
    },

    async create(actor: Actor, input: z.infer<typeof c.programInput>) {
      await assertEdit(actor, null);
      await assertInput(input);
      if (await repo.codeTaken(db, input.code))
        throw new ValidationError('Another program has this code.', [
          { path: 'code', message: 'Already in use' },
        ]);
      const id = await db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('academia_programs')
          .values({
            code: input.code,
            name: input.name,
            name_zh: input.nameZh,
            kind: input.kind,
            description: input.description ?? null,
            active_from: input.activeFrom ?? null,
            active_to: input.activeTo ?? null,
            created_by: actor.userId,
            updated_by: actor.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await repo.replaceLinks(trx, row.id, { siteIds: input.siteIds, ownerIds: input.ownerIds });
        await recordAudit(trx, actor, {
          action: 'academia_program.created',
          entityType: 'academia_program',
          entityId: row.id,
          siteId: null,
          after: { ...row, siteIds: input.siteIds, ownerIds: input.ownerIds },
        });
        return row.id;
      });
      return this.get(actor, id);
    },

    async update(actor: Actor, id: string, patch: z.infer<typeof c.programPatch>) {
      access.listScope(actor, 'academia.read', PROGRAM);
      await assertEdit(actor, id);
      const current = await rowOrNotFound(id);
      await assertInput(patch, current);
      await db.transaction().execute(async (trx) => {
        const before = await repo.programLinks(trx, [id]);
        await auditedUpdate(trx, actor, {
          table: 'academia_programs',
          id,
          version: patch.version,
          action: 'academia_program.updated',
          entityType: 'academia_program',
          what: 'program',
          siteOf: () => null,
          change: () => ({
            name: patch.name,
            name_zh: patch.nameZh,
            kind: patch.kind,
            description: patch.description,
            active_from: patch.activeFrom,
            active_to: patch.activeTo,
          }),
          describe: (row) => row,
        });
        if (patch.siteIds || patch.ownerIds) {
          await repo.replaceLinks(trx, id, { siteIds: patch.siteIds, ownerIds: patch.ownerIds });
          await recordAudit(trx, actor, {
            action: 'academia_program.links_changed',
            entityType: 'academia_program',
            entityId: id,
            siteId: null,
            before: {
              siteIds: before.sites.map((s) => s.site_id).sort(),
              ownerIds: before.owners.map((o) => o.user_id).sort(),
            },
            after: {
              siteIds: (patch.siteIds ?? before.sites.map((s) => s.site_id)).slice().sort(),
              ownerIds: (patch.ownerIds ?? before.owners.map((o) => o.user_id)).slice().sort(),
            },
          });
        }
      });
      return this.get(actor, id);
    },
  };
}

export type ProgramsService = ReturnType<typeof createProgramsService>;
