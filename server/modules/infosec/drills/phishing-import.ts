import { type PhishingStep, phishingStepOf } from '#shared/modules/infosec/drills/phishing.ts';
import { addDays, localDate } from '#shared/platform/obligations/rules/reminders.ts';
import { GROUP_TIME_ZONE } from '#shared/platform/org/group-time-zone.ts';
import type { Actor } from '../../../platform/access/actor.ts';
import { access } from '../../../platform/access/service.ts';
import type { Importer, RowError } from '../../../platform/imports/importer.ts';
import type { ObligationsService } from '../../../platform/obligations/service.ts';
import type { OrgService } from '../../../platform/org/service.ts';
import type { PeopleService } from '../../../platform/people/service.ts';
import { drillMessage } from './messages.ts';
import * as repo from './phishing-repo.ts';

export const PHISHING_RESULT_SOURCE = 'infosec_phishing_result';
export const PHISHING_TRAINING_KIND = 'infosec.phishing_training';

/** One recipient's line of a GoPhish results export. */
export type PhishingResultRow = {
  email: string;
  name: string;
  position: string | null;
  step: PhishingStep;
  sentAt: Date | null;
  reported: boolean;
  rowNumber: number;
};

type Campaign = {
  id: string;
  siteId: string;
  siteCode: string;
  name: string;
  sentOn: string;
  courseId: string | null;
  trainingDueDays: number;
};

type Context = {
  actor: Actor;
  campaign: Campaign | null;
  courseCode: string | null;
  /** The first row of each address, to name a second one. */
  seen: Map<string, number>;
  employees: Map<string, { id: string; department: string; userId: string | null }>;
  repeatClickers: number;
};

const YES = new Set(['true', 'yes', 'y', '1', '是']);
const NO = new Set(['', 'false', 'no', 'n', '0', '否']);
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** GoPhish writes RFC 3339 times (nanoseconds allowed) and its zero time for a mail not yet sent. */
function sentAtOf(value: string): Date | null | 'invalid' {
  const v = value.trim();
  if (!v || v.startsWith('0001-01-01')) return null;
  const d = new Date(v.replace(/(\.\d{3})\d+/, '$1'));
  return Number.isNaN(d.getTime()) ? 'invalid' : d;
}

/**
 * The results export of a phishing-simulation tool (GoPhish: email, first and last name, position, status as
 * the furthest step, send date, reported) into the campaign its importer chose on the campaign's page, all
 * or nothing. Each recipient must be an employee of the campaign's site (matched by email). After the last
 * row, each repeat clicker is assigned the campaign's training course as an obligation.
 */
export function createPhishingResultsImporter(deps: {
  org: OrgService;
  people: PeopleService;
  obligations: ObligationsService;
  now: () => Date;
}): Importer<PhishingResultRow, Context> {
  return {
    kind: 'infosec_phishing_results',
    name: drillMessage('infosec.importKind.phishingResults'),
    permission: 'infosec.manage',
    columns: [
      { key: 'email', label: 'Email', required: true, aliases: ['e-mail', '電子郵件'] },
      { key: 'first_name', label: 'First name', required: false, aliases: ['name', '名'] },
      { key: 'last_name', label: 'Last name', required: false, aliases: ['姓'] },
      { key: 'position', label: 'Position', required: false, aliases: ['職稱'] },
      { key: 'status', label: 'Status', required: true, aliases: ['狀態'] },
      { key: 'send_date', label: 'Send date', required: false, aliases: ['sent', '寄送時間'] },
      { key: 'reported', label: 'Reported', required: false, aliases: ['回報'] },
    ],
    async prepare(db, actor) {
      const found = await db
        .selectFrom('infosec_phishing_campaigns')
        .selectAll()
        .where('import_by', '=', actor.userId)
        .orderBy('import_requested_at', 'desc')
        .executeTakeFirst();
      let campaign: Campaign | null = null;
      let courseCode: string | null = null;
      if (found && access.can(actor, 'infosec.manage', found.site_id, 'infosec')) {
        const [site] = await deps.org.sitesWithSubsidiary([found.site_id], db);
        campaign = {
          id: found.id,
          siteId: found.site_id,
          siteCode: site?.code ?? '',
          name: found.name,
          sentOn: found.sent_on,
          courseId: found.course_id,
          trainingDueDays: found.training_due_days,
        };
        courseCode = found.course_code;
      }
      return { actor, campaign, courseCode, seen: new Map(), employees: new Map(), repeatClickers: 0 };
    },
    check(r, c, _actor, rowNumber) {
      if (!c.campaign)
        return { errors: [{ column: null, message: 'Open the campaign and import its results from there' }] };
      const errors: RowError[] = [];
      const email = r.email.trim().toLowerCase();
      if (!EMAIL.test(email)) errors.push({ column: 'email', message: 'An email address' });
      const step = phishingStepOf(r.status);
      if (!step)
        errors.push({
          column: 'status',
          message: `${r.status} is not a step reached (Email Sent, Email Opened, Clicked Link, Submitted Data)`,
        });
      const sentAt = sentAtOf(r.send_date ?? '');
      if (sentAt === 'invalid')
        errors.push({ column: 'send_date', message: 'A date and time such as 2023-05-18T09:12:03+08:00' });
      const reportedText = (r.reported ?? '').trim().toLowerCase();
      if (!YES.has(reportedText) && !NO.has(reportedText))
        errors.push({ column: 'reported', message: 'true or false' });
      const first = c.seen.get(email);
      if (first !== undefined && first !== rowNumber)
        errors.push({ column: 'email', message: `The same recipient as row ${first}` });
      if (errors.length || !step || sentAt === 'invalid') return { errors };
      c.seen.set(email, rowNumber);
      const name = [r.first_name, r.last_name]
        .map((p) => p?.trim())
        .filter(Boolean)
        .join(' ');
      return {
        row: {
          email,
          name: name.slice(0, 200),
          position: r.position?.trim() ? r.position.trim().slice(0, 200) : null,
          step,
          sentAt,
          reported: YES.has(reportedText),
          rowNumber,
        },
      };
    },
    async checkBatch(db, rows, c) {
      const campaign = c.campaign;
      if (!campaign) return [];
      const found = await deps.people.employeesByEmail(
        campaign.siteId,
        rows.map(({ row }) => row.email),
        db,
      );
      const errors: (RowError & { row: number })[] = [];
      for (const { row, rowNumber } of rows) {
        const employee = found.get(row.email);
        if (!employee)
          errors.push({
            row: rowNumber,
            column: 'email',
            message: `No employee of ${campaign.siteCode} with this email`,
          });
        else c.employees.set(row.email, employee);
      }
      return errors;
    },
    async insert(trx, rows, c) {
      const campaign = c.campaign;
      if (!campaign) throw new Error('Results reached the insert without their campaign');
      if (rows.length === 0) return 0;
      await trx
        .insertInto('infosec_phishing_results')
        .values(
          rows.map((r) => {
            const employee = c.employees.get(r.email);
            if (!employee) throw new Error('A result reached the insert without its employee');
            return {
              campaign_id: campaign.id,
              site_id: campaign.siteId,
              employee_id: employee.id,
              email: r.email,
              name: r.name || r.email,
              position: r.position,
              department: employee.department,
              status: r.step,
              sent_at: r.sentAt,
              reported: r.reported,
            };
          }),
        )
        .execute();
      return rows.length;
    },
    /** Repeat clickers are assigned the campaign's course, due its set days from today. */
    async finish(trx, c, meta) {
      const campaign = c.campaign;
      if (!campaign) return 0;
      const today = localDate(deps.now(), GROUP_TIME_ZONE);
      const dueOn = addDays(today, campaign.trainingDueDays);
      const repeat = await repo.repeatClickers(trx, campaign.id);
      const users = new Map([...c.employees.values()].map((e) => [e.id, e.userId]));
      for (const r of repeat) {
        if (!c.courseCode) break;
        await deps.obligations.upsertForSource(trx, c.actor, {
          kind: PHISHING_TRAINING_KIND,
          sourceType: PHISHING_RESULT_SOURCE,
          sourceId: r.id,
          siteId: r.site_id,
          program: 'infosec',
          ownerId: users.get(r.employee_id) ?? null,
          title: drillMessage('infosec.phishing.training', { course: c.courseCode, campaign: campaign.name }),
          dueDate: dueOn,
        });
        await trx
          .updateTable('infosec_phishing_results')
          .set({ training_due_on: dueOn })
          .where('id', '=', r.id)
          .execute();
      }
      c.repeatClickers = repeat.length;
      await trx
        .updateTable('infosec_phishing_campaigns')
        .set({
          results_imported_at: deps.now(),
          import_by: null,
          import_requested_at: null,
          version: (eb) => eb('version', '+', 1),
          updated_at: deps.now(),
          updated_by: meta.actorId,
        })
        .where('id', '=', campaign.id)
        .execute();
      return 0;
    },
    auditDetails(c) {
      return { campaign: c.campaign?.id ?? null, repeatClickers: c.repeatClickers };
    },
  };
}
