import type { z } from 'zod';
import {
  type AdvisoryDetail,
  type AdvisorySeverity,
  type AdvisoryView,
  type advisoryImport,
  type advisoryInput,
  type advisoryListQuery,
  type DueDays,
  type IndicatorView,
  type indicatorListQuery,
  type responseInput,
  restrictedTlp,
  type Tlp,
} from '#shared/modules/infosec/advisories/contract.ts';
import { isCpe23 } from '#shared/modules/infosec/rules/cpe.ts';
import { likePattern } from '#shared/platform/http/list.ts';
import { localDate } from '#shared/platform/obligations/rules/reminders.ts';
import { GROUP_TIME_ZONE } from '#shared/platform/org/group-time-zone.ts';
import { listPage } from '../../../db/paging.ts';
import type { Db } from '../../../db/types.ts';
import {
  type Actor,
  scopeHas,
  scopeIsEmpty,
  sitesWith,
  visibleSites,
} from '../../../platform/access/actor.ts';
import { access } from '../../../platform/access/service.ts';
import { inScope } from '../../../platform/access/sql.ts';
import { recordAudit } from '../../../platform/audit/service.ts';
import {
  ForbiddenError,
  NotFoundError,
  StaleVersionError,
  ValidationError,
} from '../../../platform/http/errors.ts';
import type { OrgService } from '../../../platform/org/service.ts';
import type { SettingsService } from '../../../platform/settings/service.ts';
import type { UsersService } from '../../../platform/users/service.ts';
import { advisoryMessage } from './messages.ts';
import * as repo from './repo.ts';
import { matchSystems, productKeys } from './routing.ts';
import { dueDaysSetting, dueOn } from './settings.ts';
import { type ParsedBundle, readBundle } from './stix.ts';

const PROGRAM = 'infosec' as const;

type Deps = {
  db: Db;
  org: OrgService;
  users: UsersService;
  settings: SettingsService;
  /** Asserts that the actor may read a security incident (404 otherwise). */
  incidentSite: (actor: Actor, id: string) => Promise<string>;
  now: () => Date;
};

/**
 * Cybersecurity advisories: imported from partners' STIX 2.1 bundles or entered by hand, routed to the sites
 * whose registered systems run the software they concern, seen as their TLP level allows, and answered by
 * each site by its due date.
 */
export function createAdvisoriesService({ db, org, users, settings, incidentSite, now }: Deps) {
  const readScope = (actor: Actor) => access.listScope(actor, 'infosec.read', PROGRAM);

  /** Importing and entering advisories is the CISO office's: whoever manages the program group-wide. */
  function assertGroupManager(actor: Actor) {
    if (access.listScope(actor, 'infosec.manage', PROGRAM) !== 'all')
      throw new ForbiddenError('infosec.manage');
  }

  function toView(r: repo.AdvisoryRow): AdvisoryView {
    return {
      id: r.id,
      reference: r.reference,
      title: r.title,
      source: r.source,
      severity: r.severity,
      tlp: r.tlp,
      bundleId: r.bundle_id,
      publishedAt: r.published_at?.toISOString() ?? null,
      routedAt: r.routed_at.toISOString(),
      siteCount: Number(r.site_count ?? 0),
      openCount: Number(r.open_count ?? 0),
      nextDueOn: (r.next_due_on as string | null) ?? null,
      objectCount: Number(r.object_count ?? 0),
    };
  }

  /**
   * The advisory if the actor may see it. Otherwise 404, as for a record of a site out of reach; 403 only to
   * someone who sees one of its routed sites but does not read the program (never for a restricted TLP level).
   */
  async function visibleRow(actor: Actor, id: string) {
    const scope = sitesWith(actor, 'infosec.read', PROGRAM);
    const row = await repo
      .advisoryRows(db, scope)
      .where('a.id', '=', id)
      .where((eb) => repo.visibleTo(eb, scope, actor.userId))
      .executeTakeFirst();
    if (row) return { row, scope };
    if (scopeIsEmpty(scope)) {
      const routed = await repo.routedSites(db, id);
      const sees = visibleSites(actor);
      if (
        routed &&
        !restrictedTlp.includes(routed.tlp) &&
        (sees === 'all' || routed.siteIds.some((s) => scopeHas(sees, s)))
      )
        throw new ForbiddenError('infosec.read');
    }
    throw new NotFoundError('advisory');
  }

  /** Writes the advisory and its objects and routes it, in the caller's transaction: all or nothing. */
  async function store(
    trx: Db,
    actor: Actor,
    a: ParsedBundle & { source: string; severity: AdvisorySeverity; recipientIds: string[] },
  ) {
    const at = now();
    const reference = await repo.nextReference(trx, Number(localDate(at, GROUP_TIME_ZONE).slice(0, 4)));
    const advisory = await trx
      .insertInto('infosec_advisories')
      .values({
        reference,
        title: a.title,
        summary: a.summary,
        source: a.source as 'twcert',
        severity: a.severity,
        tlp: a.tlp,
        bundle_id: a.bundleId || null,
        published_at: a.publishedAt ? new Date(a.publishedAt) : null,
        routed_at: at,
        created_by: actor.userId,
        updated_by: actor.userId,
      })
      .returning(['id', 'reference'])
      .executeTakeFirstOrThrow();
    const advisoryId = advisory.id;
    // The person who shares a restricted advisory stays among its recipients.
    const recipients = new Set(a.recipientIds);
    if (actor.userId) recipients.add(actor.userId);
    await repo.insertChunked(
      trx,
      'infosec_advisory_recipients',
      [...recipients].map((user_id) => ({ advisory_id: advisoryId, user_id })),
    );
    await repo.insertChunked(
      trx,
      'infosec_advisory_objects',
      a.objects.map((o) => ({
        advisory_id: advisoryId,
        stix_id: o.stixId,
        type: o.type,
        name: o.name,
        external_id: o.externalId,
        detail: o.detail,
      })),
    );
    const relationships = new Map(a.relationships.map((r) => [`${r.sourceRef}|${r.type}|${r.targetRef}`, r]));
    await repo.insertChunked(
      trx,
      'infosec_advisory_relationships',
      [...relationships.values()].map((r) => ({
        advisory_id: advisoryId,
        source_ref: r.sourceRef,
        relationship_type: r.type,
        target_ref: r.targetRef,
      })),
    );
    const observables = new Map(a.observables.map((o) => [`${o.stixId}|${o.kind}|${o.value}`, o]));
    await repo.insertChunked(
      trx,
      'infosec_advisory_observables',
      [...observables.values()].map((o) => ({
        advisory_id: advisoryId,
        stix_id: o.stixId,
        name: o.name,
        kind: o.kind,
        value: o.value.slice(0, 2000),
      })),
    );
    // Routing: one query for the candidate systems, matching in memory, two inserts.
    const matches = matchSystems(a.software, await repo.candidateSystems(trx, productKeys(a.software)));
    await repo.insertChunked(
      trx,
      'infosec_advisory_matches',
      matches.map((m) => ({
        advisory_id: advisoryId,
        site_id: m.siteId,
        system_id: m.systemId,
        software_stix_id: m.softwareStixId,
      })),
    );
    const due = dueOn(localDate(at, GROUP_TIME_ZONE), await settings.get(dueDaysSetting, trx), a.severity);
    const siteIds = [...new Set(matches.map((m) => m.siteId))];
    await repo.insertChunked(
      trx,
      'infosec_advisory_sites',
      siteIds.map((site_id) => ({ advisory_id: advisoryId, site_id, due_on: due })),
    );
    await recordAudit(trx, actor, {
      action: 'infosec.advisory.imported',
      entityType: 'infosec_advisory',
      entityId: advisoryId,
      siteId: null,
      summary: advisoryMessage('infosec.audit.advisoryImported', {
        reference,
        title: a.title,
        tlp: a.tlp.toUpperCase().replace('_', '+'),
        sites: siteIds.length,
      }),
      after: {
        reference,
        tlp: a.tlp,
        severity: a.severity,
        bundleId: a.bundleId,
        objects: a.objects.length,
        sites: siteIds,
        systems: matches.length,
      },
    });
    return advisoryId;
  }

  async function detail(actor: Actor, id: string): Promise<AdvisoryDetail> {
    const { row, scope } = await visibleRow(actor, id);
    const [objects, relationships, recipientRows, siteRows, matchRows] = await Promise.all([
      db
        .selectFrom('infosec_advisory_objects')
        .selectAll()
        .where('advisory_id', '=', id)
        .orderBy('type')
        .orderBy('stix_id')
        .execute(),
      db.selectFrom('infosec_advisory_relationships').selectAll().where('advisory_id', '=', id).execute(),
      db.selectFrom('infosec_advisory_recipients').select('user_id').where('advisory_id', '=', id).execute(),
      db
        .selectFrom('infosec_advisory_sites as s')
        .selectAll('s')
        .where('s.advisory_id', '=', id)
        .where((eb) => inScope(eb, 's.site_id', scope))
        .execute(),
      db
        .selectFrom('infosec_advisory_matches as m')
        .innerJoin('infosec_systems as y', 'y.id', 'm.system_id')
        .leftJoin('infosec_advisory_objects as o', (j) =>
          j.onRef('o.advisory_id', '=', 'm.advisory_id').onRef('o.stix_id', '=', 'm.software_stix_id'),
        )
        .select(['m.site_id', 'y.id', 'y.name', 'o.name as software_name'])
        .where('m.advisory_id', '=', id)
        .where((eb) => inScope(eb, 'm.site_id', scope))
        .orderBy('y.name')
        .execute(),
    ]);
    const [sites, names] = await Promise.all([
      org.sitesByIds(siteRows.map((s) => s.site_id)),
      users.displayNames([...recipientRows.map((r) => r.user_id), ...siteRows.map((s) => s.responded_by)]),
    ]);
    const today = localDate(now(), GROUP_TIME_ZONE);
    return {
      ...toView(row),
      summary: row.summary,
      recipients: restrictedTlp.includes(row.tlp)
        ? recipientRows.map((r) => ({ id: r.user_id, name: names.get(r.user_id) ?? '' }))
        : [],
      objects: objects.map((o) => ({
        stixId: o.stix_id,
        type: o.type,
        name: o.name,
        externalId: o.external_id,
        detail: o.detail,
      })),
      relationships: relationships.map((r) => ({
        sourceRef: r.source_ref,
        type: r.relationship_type,
        targetRef: r.target_ref,
      })),
      sites: siteRows
        .map((s) => ({
          siteId: s.site_id,
          siteCode: sites.get(s.site_id)?.code ?? '',
          status: s.status,
          dueOn: s.due_on,
          overdue: s.status === 'open' && s.due_on < today,
          note: s.note,
          respondedAt: s.responded_at?.toISOString() ?? null,
          respondedByName: s.responded_by ? (names.get(s.responded_by) ?? null) : null,
          systems: matchRows
            .filter((m) => m.site_id === s.site_id)
            .map((m) => ({ id: m.id, name: m.name, softwareName: m.software_name ?? '' })),
          version: s.version,
        }))
        .sort((x, y) => x.siteCode.localeCompare(y.siteCode)),
    };
  }

  async function indicatorPageOf(
    actor: Actor,
    q: z.infer<typeof indicatorListQuery>,
    incidentId: string | null,
  ) {
    const scope = readScope(actor);
    let base = db
      .selectFrom('infosec_advisory_observables as i')
      .innerJoin('infosec_advisories as a', 'a.id', 'i.advisory_id')
      .select(['i.id', 'i.advisory_id', 'i.stix_id', 'i.name', 'i.kind', 'i.value', 'a.reference', 'a.tlp'])
      .where((eb) => repo.visibleTo(eb as never, scope, actor.userId));
    if (incidentId) base = base.where(repo.appearsInIncident(incidentId));
    if (q.kind) base = base.where('i.kind', '=', q.kind);
    if (q.q) base = base.where('i.value', 'ilike', likePattern(q.q));
    const sortColumn = { value: 'i.value', kind: 'i.kind', reference: 'a.reference' }[q.sort];
    type Row = {
      advisory_id: string;
      stix_id: string;
      name: string | null;
      kind: string;
      value: string;
      reference: string;
      tlp: Tlp;
    };
    return listPage<Row, IndicatorView>(db, base, q, {
      sortColumn,
      tieBreaker: 'i.id',
      toView: (r) => ({
        advisoryId: r.advisory_id,
        reference: r.reference,
        tlp: r.tlp,
        stixId: r.stix_id,
        name: r.name,
        kind: r.kind,
        value: r.value,
      }),
    });
  }

  return {
    async dueDays(actor: Actor) {
      readScope(actor);
      return settings.get(dueDaysSetting);
    },

    /** The days apply to every site: only whoever manages the program group-wide changes them. */
    async setDueDays(actor: Actor, value: DueDays) {
      assertGroupManager(actor);
      return db.transaction().execute((trx) => settings.set(trx, actor, dueDaysSetting, value));
    },

    async list(actor: Actor, q: z.infer<typeof advisoryListQuery>) {
      const scope = readScope(actor);
      let base = repo.advisoryRows(db, scope).where((eb) => repo.visibleTo(eb, scope, actor.userId));
      if (q.siteId) {
        const siteId = q.siteId;
        base = base.where((eb) =>
          eb.exists(
            eb
              .selectFrom('infosec_advisory_sites as f')
              .select('f.site_id')
              .whereRef('f.advisory_id', '=', 'a.id')
              .where('f.site_id', '=', siteId),
          ),
        );
      }
      if (q.severity) base = base.where('a.severity', '=', q.severity);
      if (q.tlp) base = base.where('a.tlp', '=', q.tlp);
      if (q.source) base = base.where('a.source', '=', q.source);
      if (q.open === 'true')
        base = base.where((eb) =>
          eb.exists(
            eb
              .selectFrom('infosec_advisory_sites as f')
              .select('f.site_id')
              .whereRef('f.advisory_id', '=', 'a.id')
              .where('f.status', '=', 'open')
              .where((e) => (q.siteId ? e('f.site_id', '=', q.siteId) : inScope(e, 'f.site_id', scope))),
          ),
        );
      if (q.q) {
        const p = likePattern(q.q);
        base = base.where((eb) =>
          eb.or([
            eb('a.title', 'ilike', p),
            eb('a.reference', 'ilike', p),
            eb.exists(
              eb
                .selectFrom('infosec_advisory_objects as t')
                .select('t.stix_id')
                .whereRef('t.advisory_id', '=', 'a.id')
                .where('t.external_id', 'ilike', p),
            ),
          ]),
        );
      }
      const sortColumn = {
        routedAt: 'a.routed_at',
        reference: 'a.reference',
        severity: repo.severityOrder,
        nextDueOn: 'next_due_on',
      }[q.sort];
      return listPage<repo.AdvisoryRow, AdvisoryView>(db, base, q, {
        sortColumn,
        tieBreaker: 'a.id',
        toView,
      });
    },

    get: detail,

    /** A partner's STIX 2.1 bundle, validated whole before anything is written. */
    async importBundle(actor: Actor, input: z.infer<typeof advisoryImport>) {
      assertGroupManager(actor);
      const read = readBundle(input.bundle);
      if (!read.ok) throw new ValidationError('The STIX bundle is not valid.', read.errors);
      await users.assertActiveUsers(input.recipientIds, 'recipientIds');
      const id = await db.transaction().execute((trx) =>
        store(trx, actor, {
          ...read.bundle,
          source: input.source,
          severity: input.severity,
          recipientIds: input.recipientIds,
        }),
      );
      return detail(actor, id);
    },

    /** An advisory entered by hand (a vendor's e-mail, a phone call from TWCERT/CC). */
    async create(actor: Actor, input: z.infer<typeof advisoryInput>) {
      assertGroupManager(actor);
      const bad = input.software.findIndex((s) => s.cpe && !isCpe23(s.cpe));
      if (bad >= 0)
        throw new ValidationError('Not a CPE 2.3 formatted string.', [
          { path: `software[${bad}].cpe`, message: 'cpe:2.3:part:vendor:product:version:…' },
        ]);
      await users.assertActiveUsers(input.recipientIds, 'recipientIds');
      const id = await db.transaction().execute((trx) =>
        store(trx, actor, {
          bundleId: '',
          title: input.title,
          summary: input.summary ?? null,
          publishedAt: null,
          tlp: input.tlp,
          objects: input.software.map((s, i) => ({
            stixId: `software--manual-${i + 1}`,
            type: 'software',
            name: s.name,
            externalId: null,
            detail: [s.vendor, s.version, s.cpe].filter(Boolean).join(' · ') || null,
          })),
          software: input.software.map((s, i) => ({
            stixId: `software--manual-${i + 1}`,
            name: s.name,
            vendor: s.vendor ?? null,
            version: s.version ?? null,
            cpe: s.cpe ?? null,
          })),
          observables: [],
          relationships: [],
          source: input.source,
          severity: input.severity,
          recipientIds: input.recipientIds,
        }),
      );
      return detail(actor, id);
    },

    /** A routed site's answer: its security team records it; another site's answer is out of reach (404). */
    async respond(actor: Actor, id: string, input: z.infer<typeof responseInput>) {
      const { row, scope } = await visibleRow(actor, id);
      const current = await db
        .selectFrom('infosec_advisory_sites')
        .selectAll()
        .where('advisory_id', '=', id)
        .where('site_id', '=', input.siteId)
        .executeTakeFirst();
      if (!current || !scopeHas(scope, input.siteId)) throw new NotFoundError('advisory site');
      access.assert(actor, {
        permission: 'infosec.manage',
        siteId: input.siteId,
        what: 'advisory site',
        program: PROGRAM,
      });
      const [site] = await org.sitesWithSubsidiary([input.siteId]);
      await db.transaction().execute(async (trx) => {
        const after = await trx
          .updateTable('infosec_advisory_sites')
          .set({
            status: input.status,
            note: input.note ?? null,
            responded_at: now(),
            responded_by: actor.userId,
            version: (eb) => eb('version', '+', 1),
            updated_at: now(),
          })
          .where('advisory_id', '=', id)
          .where('site_id', '=', input.siteId)
          .where('version', '=', input.version)
          .returningAll()
          .executeTakeFirst();
        if (!after) throw new StaleVersionError(current.version);
        await recordAudit(trx, actor, {
          action: 'infosec.advisory.responded',
          entityType: 'infosec_advisory',
          entityId: id,
          siteId: input.siteId,
          summary: advisoryMessage('infosec.audit.advisoryResponded', {
            reference: row.reference,
            site: site?.code ?? '',
            status: { key: `infosec.advisoryResponse.${input.status}` },
          }),
          before: current,
          after,
        });
      });
      return detail(actor, id);
    },

    /** Indicators' observables across the advisories the actor sees, to search (an IP, a domain, a hash). */
    async indicators(actor: Actor, q: z.infer<typeof indicatorListQuery>) {
      return indicatorPageOf(actor, q, null);
    },

    /**
     * The indicators whose observable appears in a security incident's record (its title, description and
     * timeline notes): the addresses, domains and hashes a reporter or the team wrote down.
     */
    async incidentMatches(actor: Actor, incidentId: string, q: z.infer<typeof indicatorListQuery>) {
      await incidentSite(actor, incidentId);
      return indicatorPageOf(actor, q, incidentId);
    },
  };
}

export type AdvisoriesService = ReturnType<typeof createAdvisoriesService>;
