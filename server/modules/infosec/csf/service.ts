import type { z } from 'zod';
import type {
  answersInput,
  assessmentListQuery,
  assessorInput,
  correctionInput,
  stepInput,
} from '#shared/modules/infosec/csf/contract.ts';
import type { userDirectoryQuery } from '#shared/platform/users/contract.ts';
import { listPage } from '../../../db/paging.ts';
import type { Db } from '../../../db/types.ts';
import { updateVersioned } from '../../../db/versioned.ts';
import { type Actor, type SiteScope, sitesWith } from '../../../platform/access/actor.ts';
import { access } from '../../../platform/access/service.ts';
import { inScope } from '../../../platform/access/sql.ts';
import type { ActionsService } from '../../../platform/actions/service.ts';
import { recordAudit } from '../../../platform/audit/service.ts';
import type { GrantsService } from '../../../platform/grants/service.ts';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  StaleVersionError,
  ValidationError,
} from '../../../platform/http/errors.ts';
import type { OrgService } from '../../../platform/org/service.ts';
import type { ReportLocale } from '../../../platform/reports/definition.ts';
import { type ReportFormat, render } from '../../../platform/reports/service.ts';
import type { SettingsService } from '../../../platform/settings/service.ts';
import type { UsersService } from '../../../platform/users/service.ts';
import { createCsfCampaigns } from './campaigns.ts';
import { type CatalogueStore, subcategoriesToAssess } from './catalogue.ts';
import { type OscalExportInput, oscalFileName, toOscalAssessmentResults } from './oscal.ts';
import { assessmentParties } from './parties.ts';
import * as repo from './repo.ts';
import { csfSiteReport } from './report.ts';
import { mayAnswer, missingAnswers, STEPS } from './rules/workflow.ts';
import { scaleSetting } from './settings.ts';
import { createAssessmentViews } from './views.ts';

const PROGRAM = 'infosec' as const;

/** The record type of an assessment, for audit entries, grants to outside assessors and evidence. */
export { ASSESSMENT_RECORD } from './parties.ts';

import { ASSESSMENT_RECORD } from './parties.ts';

type Deps = {
  db: Db;
  actions: ActionsService;
  settings: SettingsService;
  org: OrgService;
  users: UsersService;
  grants: GrantsService;
  catalogues: CatalogueStore;
  now: () => Date;
};

/** The maturity levels' names in the OSCAL document, which is written in English. */
const OSCAL_LEVEL_LABELS: Record<number, string> = {
  0: 'Not performed',
  1: 'Initial',
  2: 'Repeatable',
  3: 'Defined',
  4: 'Managed',
  5: 'Optimising',
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The NIST CSF maturity assessment: campaigns, assessments and their answers, their course, and their exports. */
export function createCsfService({ db, actions, settings, org, users, grants, catalogues, now }: Deps) {
  async function rowOrNotFound(handle: Db, id: string) {
    const row = await repo.assessmentRows(handle).where('a.id', '=', id).executeTakeFirst();
    if (!row) throw new NotFoundError('assessment');
    return row;
  }

  const { partiesOf, stepsOf, assertMayRead } = assessmentParties;
  const { summaries, view } = createAssessmentViews({ db, actions, org, users, catalogues, settings });

  return {
    ASSESSMENT_RECORD,

    async catalogue(actor: Actor, id: string) {
      return catalogues.view(await catalogues.get(id), actor.locale);
    },

    ...createCsfCampaigns({ db, org, catalogues }),

    /** Assessments the actor reads: those of the sites in their scope, and those they assess. */
    async list(actor: Actor, q: z.infer<typeof assessmentListQuery>) {
      const scope: SiteScope = sitesWith(actor, 'infosec.read', PROGRAM);
      const granted = [...(actor.grants?.get(ASSESSMENT_RECORD) ?? [])];
      // Without the program's read permission anywhere, only one's own assessments are listed, and only when asked.
      if (scope !== 'all' && scope.size === 0 && !q.mine && granted.length === 0)
        throw new ForbiddenError('infosec.read');
      const me = actor.userId;
      let base = repo.assessmentRows(db).where((eb) => {
        const mine = [
          ...(me ? [eb('a.assessor_id', '=', me)] : []),
          ...(granted.length ? [eb('a.id', 'in', granted)] : []),
        ];
        return q.mine
          ? mine.length
            ? eb.or(mine)
            : eb.val(false)
          : eb.or([inScope(eb, 'a.site_id', scope), ...mine]);
      });
      if (q.campaignId) base = base.where('a.campaign_id', '=', q.campaignId);
      if (q.year) base = base.where('c.year', '=', q.year);
      if (q.siteId) base = base.where('a.site_id', '=', q.siteId);
      if (q.domain) base = base.where('a.domain', '=', q.domain);
      if (q.status) base = base.where('a.status', '=', q.status);
      else base = base.where((eb) => repo.latestRevisionOnly(eb));
      const sortColumn = { year: 'c.year', status: 'a.status', updatedAt: 'a.updated_at' }[q.sort];
      const page = await listPage<repo.AssessmentRow, repo.AssessmentRow>(db, base, q, {
        sortColumn,
        tieBreaker: 'a.id',
        toView: (r) => r,
      });
      return { ...page, items: await summaries(page.items) };
    },

    async get(actor: Actor, id: string) {
      const row = await rowOrNotFound(db, id);
      assertMayRead(actor, row);
      return view(actor, row);
    },

    /**
     * Evidence files on an assessment: read by its readers, added or removed by whoever may answer it
     * while it is a draft (the assessor, or the site's team when none is named).
     */
    async siteOf(actor: Actor, id: string, intent: 'read' | 'write') {
      const row = await rowOrNotFound(db, id);
      assertMayRead(actor, row);
      if (intent === 'write') {
        const parties = partiesOf(actor, row);
        if (!parties.has('assessor')) throw new ForbiddenError('infosec.manage');
        if (!mayAnswer(row.status, parties))
          throw new ConflictError('Evidence is added while the assessment is a draft.');
      }
      return row.site_id;
    },

    /**
     * People outside the company (consultants) who could be named assessor of this assessment, by name or
     * email: only for whoever may name its assessor.
     */
    async outsideAssessors(actor: Actor, id: string, q: z.infer<typeof userDirectoryQuery>) {
      const row = await rowOrNotFound(db, id);
      assertMayRead(actor, row);
      access.assert(actor, {
        permission: 'infosec.manage',
        siteId: row.site_id,
        what: 'assessment',
        program: PROGRAM,
      });
      return { items: await grants.outsiders(q.q, q.limit) };
    },

    /** Names the assessor: a member of staff, or a person outside the company who is granted this record. */
    async setAssessor(actor: Actor, id: string, input: z.infer<typeof assessorInput>) {
      return db.transaction().execute(async (trx) => {
        const row = await rowOrNotFound(trx, id);
        access.assert(actor, {
          permission: 'infosec.manage',
          siteId: row.site_id,
          what: 'assessment',
          program: PROGRAM,
        });
        if (row.status === 'approved' || row.status === 'superseded')
          throw new ConflictError('An approved assessment is locked: correct it as a new revision.');
        if (row.version !== input.version) throw new StaleVersionError(row.version);
        const assessorId = input.assessorId === undefined ? row.assessor_id : input.assessorId;
        if (assessorId && assessorId !== row.assessor_id)
          await users.assertActiveUser(assessorId, 'assessorId', trx);
        if (
          row.assessor_id &&
          row.assessor_id !== assessorId &&
          (await grants.isOutsider(row.assessor_id, trx))
        )
          await grants
            .revoke(trx, actor, { userId: row.assessor_id, recordType: ASSESSMENT_RECORD, recordId: id })
            // A former assessor whose grant was already taken back: nothing to revoke.
            .catch((e) => {
              if (!(e instanceof NotFoundError)) throw e;
            });
        if (assessorId && assessorId !== row.assessor_id && (await grants.isOutsider(assessorId, trx)))
          await grants.grant(trx, actor, {
            userId: assessorId,
            recordType: ASSESSMENT_RECORD,
            recordId: id,
            siteId: row.site_id,
          });
        await updateVersioned(
          trx,
          'csf_assessments',
          id,
          input.version,
          {
            assessor_id: assessorId,
            ...(input.consultancy !== undefined ? { consultancy: input.consultancy } : {}),
          },
          actor.userId,
        );
        await recordAudit(trx, actor, {
          action: 'infosec.csf_assessment.assessor_set',
          entityType: ASSESSMENT_RECORD,
          entityId: id,
          siteId: row.site_id,
          before: { assessorId: row.assessor_id, consultancy: row.consultancy },
          after: { assessorId, consultancy: input.consultancy ?? row.consultancy },
        });
        return view(actor, await rowOrNotFound(trx, id), trx);
      });
    },

    /** The assessor's answers, saved together (a draft only). */
    async saveAnswers(actor: Actor, id: string, input: z.infer<typeof answersInput>) {
      return db.transaction().execute(async (trx) => {
        const row = await rowOrNotFound(trx, id);
        assertMayRead(actor, row);
        if (!mayAnswer(row.status, partiesOf(actor, row))) {
          if (!partiesOf(actor, row).has('assessor')) throw new ForbiddenError('infosec.csf.answer');
          throw new ConflictError('Only a draft takes answers: this assessment has been submitted.');
        }
        const c = await catalogues.get(row.catalogue_id, trx);
        const allowed = new Set(subcategoriesToAssess(c, row.basis).map((s) => s.identifier));
        const errors = input.answers.flatMap((a, i) =>
          allowed.has(a.subcategory)
            ? []
            : [
                {
                  path: `answers.${i}.subcategory`,
                  message: c.byId.has(a.subcategory)
                    ? 'Not assessed in this campaign (Govern is not assessed on CSF 1.1)'
                    : 'Not a subcategory of the catalogue',
                },
              ],
        );
        if (errors.length) throw new ValidationError('Some answers name no subcategory to assess.', errors);
        await updateVersioned(trx, 'csf_assessments', id, input.version, {}, actor.userId);
        const at = now();
        for (const a of input.answers) {
          const values = {
            current_level: a.notApplicable ? null : a.level,
            not_applicable: a.notApplicable,
            ...(a.target !== undefined ? { target_level: a.target } : {}),
            ...(a.notes !== undefined ? { notes: a.notes || null } : {}),
            assessed_by: actor.userId,
            assessed_at: at,
          };
          await trx
            .insertInto('csf_answers')
            .values({ assessment_id: id, site_id: row.site_id, subcategory: a.subcategory, ...values })
            .onConflict((oc) => oc.columns(['assessment_id', 'subcategory']).doUpdateSet(values))
            .execute();
        }
        await recordAudit(trx, actor, {
          action: 'infosec.csf_assessment.answered',
          entityType: ASSESSMENT_RECORD,
          entityId: id,
          siteId: row.site_id,
          after: {
            answers: input.answers.map((a) => ({
              subcategory: a.subcategory,
              level: a.level,
              notApplicable: a.notApplicable,
              target: a.target,
            })),
          },
        });
        return view(actor, await rowOrNotFound(trx, id), trx);
      });
    },

    async step(actor: Actor, id: string, input: z.infer<typeof stepInput>) {
      return db.transaction().execute(async (trx) => {
        const row = await rowOrNotFound(trx, id);
        assertMayRead(actor, row);
        const step = STEPS[input.step];
        if (row.version !== input.version) throw new StaleVersionError(row.version);
        if (row.status !== step.from)
          throw new ConflictError(
            `This assessment is ${row.status.replace('_', ' ')}: it cannot take that step now.`,
          );
        if (!stepsOf(actor, row).includes(input.step)) throw new ForbiddenError(`infosec.csf.${input.step}`);
        if (input.step === 'return' && !input.comment)
          throw new ValidationError('Say what the assessor should look at again.', [
            { path: 'comment', message: 'Required when returning an assessment' },
          ]);
        if (input.step === 'submit') {
          const c = await catalogues.get(row.catalogue_id, trx);
          const answered = new Set(
            (await repo.answersOf(trx, id))
              .filter((a) => a.not_applicable || a.current_level !== null)
              .map((a) => a.subcategory),
          );
          const missing = missingAnswers(
            subcategoriesToAssess(c, row.basis).map((s) => s.identifier),
            answered,
          );
          if (missing.length)
            throw new ValidationError(
              `${missing.length} subcategories have no level yet: ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? '…' : ''}`,
              missing.map((s) => ({
                path: `answers.${s}`,
                message: 'No level and not marked not applicable',
              })),
            );
        }
        const at = now();
        const stamps: Record<string, unknown> = { status: step.to };
        if (input.step === 'submit') stamps.submitted_at = at;
        if (input.step === 'review') Object.assign(stamps, { reviewed_at: at, reviewed_by: actor.userId });
        if (input.step === 'sign_off')
          Object.assign(stamps, { signed_off_at: at, signed_off_by: actor.userId });
        if (input.step === 'approve') Object.assign(stamps, { approved_at: at, approved_by: actor.userId });
        await updateVersioned(trx, 'csf_assessments', id, input.version, stamps, actor.userId);
        if (input.step === 'approve' && row.correction_of)
          await trx
            .updateTable('csf_assessments')
            .set({
              status: 'superseded',
              updated_at: at,
              updated_by: actor.userId,
              version: (eb) => eb('version', '+', 1),
            })
            .where('campaign_id', '=', row.campaign_id)
            .where('site_id', '=', row.site_id)
            .where('domain', '=', row.domain)
            .where('status', '=', 'approved')
            .where('id', '<>', id)
            .execute();
        await recordAudit(trx, actor, {
          action: `infosec.csf_assessment.${input.step}`,
          entityType: ASSESSMENT_RECORD,
          entityId: id,
          siteId: row.site_id,
          before: { status: row.status },
          after: { status: step.to, ...(input.comment ? { comment: input.comment } : {}) },
        });
        return view(actor, await rowOrNotFound(trx, id), trx);
      });
    },

    /**
     * A correction of an approved assessment: a new revision with the same answers and its reason, opened by
     * the site's team or the program owner; it runs the whole course again, the owner's approval included.
     */
    async correct(actor: Actor, id: string, input: z.infer<typeof correctionInput>) {
      return db.transaction().execute(async (trx) => {
        const row = await rowOrNotFound(trx, id);
        assertMayRead(actor, row);
        if (!partiesOf(actor, row).has('site')) throw new ForbiddenError('infosec.manage');
        if (row.status !== 'approved')
          throw new ConflictError('Only an approved assessment is corrected by a new revision.');
        const newer = (await repo.revisionsOf(trx, row.campaign_id, row.site_id, row.domain)).find(
          (r) => r.revision > row.revision,
        );
        if (newer) throw new ConflictError(`Revision ${newer.revision} already corrects this assessment.`);
        // Touch the approved revision so that a stale correction (an old version) is refused.
        await updateVersioned(trx, 'csf_assessments', id, input.version, {}, actor.userId);
        const created = await trx
          .insertInto('csf_assessments')
          .values({
            campaign_id: row.campaign_id,
            site_id: row.site_id,
            domain: row.domain,
            revision: row.revision + 1,
            assessor_id: row.assessor_id,
            consultancy: row.consultancy,
            correction_of: row.id,
            correction_reason: input.reason,
            created_by: actor.userId,
            updated_by: actor.userId,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const answers = await repo.answersOf(trx, id);
        if (answers.length)
          await trx
            .insertInto('csf_answers')
            .values(answers.map((a) => ({ ...a, assessment_id: created.id })))
            .execute();
        if (row.assessor_id && (await grants.isOutsider(row.assessor_id, trx)))
          await grants.grant(trx, actor, {
            userId: row.assessor_id,
            recordType: ASSESSMENT_RECORD,
            recordId: created.id,
            siteId: row.site_id,
          });
        await recordAudit(trx, actor, {
          action: 'infosec.csf_assessment.corrected',
          entityType: ASSESSMENT_RECORD,
          entityId: created.id,
          siteId: row.site_id,
          after: { correctionOf: row.id, revision: row.revision + 1, reason: input.reason },
        });
        return view(actor, await rowOrNotFound(trx, created.id), trx);
      });
    },

    /** The assessment as an OSCAL 1.0.4 assessment-results document, with its file name. */
    async oscal(actor: Actor, id: string) {
      const row = await rowOrNotFound(db, id);
      assertMayRead(actor, row);
      const c = await catalogues.get(row.catalogue_id);
      const [answers, sites] = await Promise.all([
        repo.answersOf(db, id),
        org.sitesWithSubsidiary([row.site_id]),
      ]);
      const names = await users.displayNames([row.assessor_id, ...answers.map((a) => a.assessed_by)]);
      const name = (uid: string | null) => (uid ? (names.get(uid) ?? null) : null);
      const assessor = name(row.assessor_id);
      const input: OscalExportInput = {
        assessment: {
          id: row.id,
          revision: row.revision,
          status: row.status,
          domain: row.domain,
          site: { id: row.site_id, code: sites[0]?.code ?? '', name: sites[0]?.name ?? '' },
          campaign: { id: row.campaign_id, year: row.year, name: row.campaign_name, basis: row.basis },
          assessor:
            assessor || row.consultancy
              ? { name: assessor ?? row.consultancy ?? '', consultancy: row.consultancy }
              : null,
          approvedAt: iso(row.approved_at),
          updatedAt: row.updated_at.toISOString(),
          correctionReason: row.correction_reason,
        },
        catalogue: {
          id: c.id,
          name: c.name,
          version: c.version,
          frameworkVersion: c.frameworkVersion,
          source: c.source,
        },
        answers: answers
          .filter((a) => a.not_applicable || a.current_level !== null)
          .map((a) => ({
            subcategory: a.subcategory,
            statement: c.byId.get(a.subcategory)?.statement ?? '',
            level: a.current_level,
            notApplicable: a.not_applicable,
            target: a.target_level,
            notes: a.notes,
            assessedAt: a.assessed_at.toISOString(),
            assessedBy: name(a.assessed_by),
          })),
        levelLabels: OSCAL_LEVEL_LABELS,
        generatedAt: now().toISOString(),
      };
      return { fileName: oscalFileName(input), document: toOscalAssessmentResults(input) };
    },

    /** One site's assessment as PDF or XLSX, in the asked language. */
    async siteReport(actor: Actor, id: string, format: ReportFormat, locale: ReportLocale) {
      const reader = { ...actor, locale };
      const row = await rowOrNotFound(db, id);
      assertMayRead(reader, row);
      const assessment = await view(reader, row);
      const def = csfSiteReport(
        {
          assessment,
          catalogue: catalogues.view(await catalogues.get(row.catalogue_id), locale),
          scale: await settings.get(scaleSetting),
          recommendations: assessment.recommendations,
          generatedAt: now(),
        },
        locale,
      );
      return render(def, `csf-${assessment.siteCode}-${row.year}-${row.domain}-r${row.revision}`, format);
    },
  };
}

export type CsfService = ReturnType<typeof createCsfService>;
