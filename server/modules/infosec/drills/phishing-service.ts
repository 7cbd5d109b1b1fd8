import type { z } from 'zod';
import {
  type PhishingCampaignView,
  type phishingCampaignInput,
  type phishingCampaignListQuery,
  ratesOf,
} from '#shared/modules/infosec/drills/phishing.ts';
import { likePattern } from '#shared/platform/http/list.ts';
import { listPage } from '../../../db/paging.ts';
import type { Db } from '../../../db/types.ts';
import { updateVersioned } from '../../../db/versioned.ts';
import type { Actor } from '../../../platform/access/actor.ts';
import { access } from '../../../platform/access/service.ts';
import { recordAudit } from '../../../platform/audit/service.ts';
import { ConflictError, NotFoundError } from '../../../platform/http/errors.ts';
import { word } from '../../../platform/i18n/index.ts';
import { registerObligationKind } from '../../../platform/obligations/kinds.ts';
import type { OrgService } from '../../../platform/org/service.ts';
import type { TrainingService } from '../../../platform/training/service.ts';
import { drillMessage } from './messages.ts';
import { PHISHING_TRAINING_KIND } from './phishing-import.ts';
import * as repo from './phishing-repo.ts';

const PROGRAM = 'infosec' as const;

registerObligationKind({
  kind: PHISHING_TRAINING_KIND,
  program: PROGRAM,
  name: word('infosec.obligationKind', 'phishing_training'),
  schedule: { daysBefore: [7, 1], overdueEveryDays: 7 },
});

type Counts = { targets: number; opened: number; clicked: number; submitted: number; reported: number };
const countsOf = (r: { [K in keyof Counts]: number | string }): Counts => ({
  targets: Number(r.targets),
  opened: Number(r.opened),
  clicked: Number(r.clicked),
  submitted: Number(r.submitted),
  reported: Number(r.reported),
});

/** Social-engineering email drills: campaigns per site, their results and rates, repeat clickers. */
export function createPhishingService(deps: { db: Db; org: OrgService; training: TrainingService }) {
  const { db, org, training } = deps;

  async function toViews(
    actor: Actor,
    rows: repo.CampaignRow[],
    handle: Db = db,
  ): Promise<PhishingCampaignView[]> {
    const sites = await org.sitesByIds(
      rows.map((r) => r.site_id),
      handle,
    );
    return rows.map((r) => ({
      id: r.id,
      siteId: r.site_id,
      siteCode: sites.get(r.site_id)?.code ?? '',
      name: r.name,
      sentOn: r.sent_on,
      courseId: r.course_id,
      trainingDueDays: r.training_due_days,
      resultsImportedAt: r.results_imported_at?.toISOString() ?? null,
      importOpen: r.import_by !== null && r.import_by === actor.userId,
      rates: ratesOf(countsOf(r)),
      version: r.version,
    }));
  }

  async function rowOrNotFound(handle: Db, id: string) {
    const row = await repo.campaignRows(handle).where('c.id', '=', id).executeTakeFirst();
    if (!row) throw new NotFoundError('campaign');
    return row;
  }

  return {
    async list(actor: Actor, q: z.infer<typeof phishingCampaignListQuery>) {
      const scope = access.listScope(actor, 'infosec.read', PROGRAM);
      let base = repo.campaignListBase(db, scope);
      if (q.siteId) base = base.where('c.site_id', '=', q.siteId);
      if (q.year)
        base = base.where('c.sent_on', '>=', `${q.year}-01-01`).where('c.sent_on', '<=', `${q.year}-12-31`);
      if (q.q) base = base.where('c.name', 'ilike', likePattern(q.q));
      const sortColumn = { sentOn: 'c.sent_on', name: 'c.name', clickedRate: repo.clickedShare }[q.sort];
      const page = await listPage<repo.CampaignRow, repo.CampaignRow>(db, base, q, {
        sortColumn,
        tieBreaker: 'c.id',
        toView: (r) => r,
      });
      return { ...page, items: await toViews(actor, page.items) };
    },

    async get(actor: Actor, id: string) {
      const row = await rowOrNotFound(db, id);
      access.assert(actor, {
        permission: 'infosec.read',
        siteId: row.site_id,
        what: 'campaign',
        program: PROGRAM,
      });
      const [view] = await toViews(actor, [row]);
      const [departments, repeat] = await Promise.all([
        repo.byDepartment(db, id),
        repo.repeatClickers(db, id),
      ]);
      return {
        ...view,
        byDepartment: departments.map((d) => ({ department: d.department, ...ratesOf(countsOf(d)) })),
        repeatClickers: repeat.map((r) => ({
          employeeId: r.employee_id,
          name: r.name,
          department: r.department,
          step: r.status,
          earlierCampaigns: Number(r.earlier),
          trainingDueOn: r.training_due_on,
        })),
      };
    },

    /** The year's rates by site, and over every site in scope. */
    async rates(actor: Actor, q: { year: number; siteId?: string }) {
      const scope = access.listScope(actor, 'infosec.read', PROGRAM);
      const rows = await repo.bySite(db, scope, q.year, q.siteId);
      const sites = await org.sitesByIds(rows.map((r) => r.site_id));
      const all = rows.map((r) => ({
        siteId: r.site_id,
        siteCode: sites.get(r.site_id)?.code ?? '',
        ...countsOf(r),
      }));
      all.sort((a, b) => a.siteCode.localeCompare(b.siteCode));
      const sum = (k: keyof Counts) => all.reduce((n, s) => n + s[k], 0);
      return {
        year: q.year,
        sites: all.map((s) => ({ ...s, ...ratesOf(s) })),
        total: ratesOf({
          targets: sum('targets'),
          opened: sum('opened'),
          clicked: sum('clicked'),
          submitted: sum('submitted'),
          reported: sum('reported'),
        }),
      };
    },

    async create(actor: Actor, input: z.infer<typeof phishingCampaignInput>) {
      const site = await org.siteForWriting(input.siteId);
      access.assert(actor, { permission: 'infosec.manage', siteId: site.id, what: 'site', program: PROGRAM });
      const course = await training.getCourse(actor, input.courseId);
      return db.transaction().execute(async (trx) => {
        const taken = await trx
          .selectFrom('infosec_phishing_campaigns')
          .select('id')
          .where('site_id', '=', site.id)
          .where('name', '=', input.name)
          .executeTakeFirst();
        if (taken) throw new ConflictError('A campaign of this name already exists at the site.');
        const row = await trx
          .insertInto('infosec_phishing_campaigns')
          .values({
            site_id: site.id,
            name: input.name,
            sent_on: input.sentOn,
            course_id: input.courseId,
            course_code: course.code,
            training_due_days: input.trainingDueDays,
            created_by: actor.userId,
            updated_by: actor.userId,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const created = await rowOrNotFound(trx, row.id);
        await recordAudit(trx, actor, {
          action: 'infosec.phishing_campaign.created',
          entityType: 'infosec_phishing_campaign',
          entityId: row.id,
          siteId: site.id,
          summary: drillMessage('infosec.audit.phishingCampaignCreated', {
            site: site.code,
            name: input.name,
          }),
          after: created,
        });
        return (await toViews(actor, [created], trx))[0];
      });
    },

    /**
     * Makes the campaign the one this user's next results import goes to (the import pipeline takes a file
     * and its kind only). A campaign's results are imported once.
     */
    async openImport(actor: Actor, id: string, version: number) {
      const row = await rowOrNotFound(db, id);
      access.assert(actor, {
        permission: 'infosec.manage',
        siteId: row.site_id,
        what: 'campaign',
        program: PROGRAM,
      });
      if (row.results_imported_at) throw new ConflictError('The campaign’s results are already imported.');
      return db.transaction().execute(async (trx) => {
        await updateVersioned(
          trx,
          'infosec_phishing_campaigns',
          id,
          version,
          { import_by: actor.userId, import_requested_at: new Date() },
          actor.userId,
        );
        await recordAudit(trx, actor, {
          action: 'infosec.phishing_campaign.import_opened',
          entityType: 'infosec_phishing_campaign',
          entityId: id,
          siteId: row.site_id,
        });
        return (await toViews(actor, [await rowOrNotFound(trx, id)], trx))[0];
      });
    },
  };
}

export type PhishingService = ReturnType<typeof createPhishingService>;
