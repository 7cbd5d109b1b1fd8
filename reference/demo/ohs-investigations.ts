import { platformMessage } from '../../server/platform/i18n/index.ts';
import { isoDate, zonedInstant } from './clock.ts';
import { type Context, iso, type SiteInfo } from './ohs-context.ts';
import type { SeriousIncident } from './ohs-incidents.ts';
import { ohsObligation } from './ohs-obligations.ts';
import type { OhsInvestigationEventRow, OhsInvestigationRow, OhsRootCauseRow } from './ohs-rows.ts';
import { FATALITY, INVESTIGATION_STEPS, ROOT_CAUSES } from './ohs-text.ts';
import { writesChinese } from './organisation.ts';
import type { ActionRow } from './rows.ts';

// Investigations of the recent serious incidents, with their root causes and actions.

export function generateInvestigations(ctx: Context, serious: SeriousIncident[]) {
  const rng = ctx.root.fork('investigations');
  const investigations: OhsInvestigationRow[] = [];
  const investigationEvents: OhsInvestigationEventRow[] = [];
  const rootCauses: OhsRootCauseRow[] = [];
  const actions: ActionRow[] = [];
  const at = (day: number, minute: number, s: SiteInfo) => zonedInstant(day, minute, s.row.time_zone);
  const now = at(ctx.today, 0, ctx.sites[0]);
  for (const { incident, site: s, day, cause } of serious) {
    const age = ctx.today - day;
    const status: OhsInvestigationRow['status'] =
      age > 75 ? 'closed' : age > 30 ? 'review' : age > 6 ? 'investigating' : 'draft';
    const lead = s.officer ?? ctx.users.ohsOwner;
    const team = [...new Set([lead, ctx.users.ohsOwner].filter((x): x is string => !!x))];
    const opened = new Date(Date.parse(incident.occurred_at) + rng.int(2, 20) * 3_600_000);
    const investigation: OhsInvestigationRow = {
      id: rng.uuid(),
      incident_id: incident.id,
      site_id: s.row.id,
      status,
      lead_id: lead,
      team_ids: team,
      summary: null,
      closed_at: null,
      created_at: iso(opened),
      updated_at: iso(opened),
    };
    investigations.push(investigation);
    const zh = writesChinese(s.row.country);
    const say = (text: readonly [string, string]) => (zh ? text[1] : text[0]);
    const events: [number, string][] = [
      [0, say(INVESTIGATION_STEPS.secured)],
      [1, say(INVESTIGATION_STEPS.interviews)],
      [3, say(INVESTIGATION_STEPS.workshop)],
      [8, say(INVESTIGATION_STEPS.agreed)],
    ];
    for (const [offset, description] of events) {
      const when =
        offset === 0
          ? new Date(Date.parse(incident.occurred_at) + 90 * 60_000)
          : at(day + offset, rng.int(9 * 60, 17 * 60), s);
      if (when >= now) break;
      investigationEvents.push({
        id: rng.uuid(),
        investigation_id: investigation.id,
        at: iso(when),
        description,
        created_at: iso(when),
      });
    }
    if (status === 'draft') continue;
    const group = cause === 'fatality' ? null : ROOT_CAUSES[cause];
    const detail = zh
      ? `${incident.description.split('。')[0]}。`
      : incident.description.split(/(?<=\.) /)[0];
    // The causes as the site writes them: statement, whys and actions' titles in its language.
    const causes = (
      group
        ? [
            {
              method: 'five_whys' as const,
              ...group.fiveWhys,
              whys: zh
                ? [`為何有人受傷？${incident.title}。`, `為何會發生？${detail}`, ...group.whysZh]
                : [
                    `Why was the person hurt? ${incident.title}.`,
                    `Why did it happen? ${detail}`,
                    ...group.whys,
                  ],
            },
            { method: 'fishbone' as const, ...group.fishbone, whys: [] as string[] },
          ]
        : FATALITY.causes.map((c) => ({ ...c, whys: zh ? c.zh.whys : c.whys }))
    ).map((c) =>
      zh
        ? {
            ...c,
            statement: c.zh.statement,
            actions: c.actions.map(([kind], i) => [kind, c.zh.actions[i]] as const),
          }
        : c,
    );
    const statements: string[] = [];
    let lastDone = day;
    for (const c of causes) {
      const created = at(day + 3, rng.int(10 * 60, 16 * 60), s);
      const rc: OhsRootCauseRow = {
        id: rng.uuid(),
        investigation_id: investigation.id,
        site_id: s.row.id,
        method: c.method,
        category: c.category,
        whys: [...c.whys],
        statement: c.statement,
        created_at: iso(created),
      };
      rootCauses.push(rc);
      statements.push(c.statement);
      for (const [kind, title] of c.actions) {
        // Closed: every action done (most verified effective). Under way: due in the coming weeks.
        let due: number;
        let actionStatus: ActionRow['status'];
        let doneDay: number | null = null;
        let verifiedDay: number | null = null;
        if (status === 'closed') {
          due = day + rng.int(20, 60);
          doneDay = Math.min(ctx.today - 12, due - rng.int(0, 12));
          actionStatus = rng.chance(0.7) ? 'verified' : 'done';
          if (actionStatus === 'verified') verifiedDay = Math.min(ctx.today - 3, doneDay + rng.int(5, 20));
          lastDone = Math.max(lastDone, verifiedDay ?? doneDay);
        } else {
          due = ctx.today + rng.int(10, 60);
          actionStatus =
            status === 'review' && rng.chance(0.5) ? 'done' : rng.chance(0.5) ? 'in_progress' : 'open';
          if (actionStatus === 'done') doneDay = ctx.today - rng.int(1, Math.max(1, Math.min(20, age - 10)));
        }
        const action: ActionRow = {
          id: rng.uuid(),
          site_id: s.row.id,
          program: 'ohs',
          kind,
          title,
          description: null,
          description_key: 'ohs.action.fromInvestigation',
          description_params: {
            reference: incident.reference,
            cause: zh ? c.statement : c.statement.toLowerCase(),
          },
          source_type: 'ohs_root_cause',
          source_id: rc.id,
          owner_id: lead,
          due_date: isoDate(due),
          status: actionStatus,
          done_at: doneDay === null ? null : iso(at(doneDay, 16 * 60, s)),
          verified_at: verifiedDay === null ? null : iso(at(verifiedDay, 11 * 60, s)),
          verified_by: verifiedDay === null ? null : ctx.users.ohsOwner,
          effectiveness_note: verifiedDay === null ? null : say(INVESTIGATION_STEPS.effective),
          created_at: iso(created),
        };
        actions.push(action);
        ctx.obligations.push(
          ohsObligation(rng, {
            kind: 'action.due',
            source_type: 'action',
            source_id: action.id,
            site_id: s.row.id,
            owner_id: lead,
            title: platformMessage('platform.action.due', { title }),
            due_date: action.due_date,
            due_at: null,
            state: doneDay === null ? 'open' : 'done',
            done_at: action.done_at,
            created_at: iso(created),
          }),
        );
      }
    }
    investigation.summary = zh
      ? `${incident.title}。根本原因：${statements.join('；')}。`
      : `${incident.title}. Root causes: ${statements.join('; ')}.`;
    if (status === 'closed') {
      const closed = at(Math.min(ctx.today - 1, lastDone + rng.int(2, 10)), 15 * 60, s);
      investigation.closed_at = iso(closed);
      investigation.updated_at = iso(closed);
      investigationEvents.push({
        id: rng.uuid(),
        investigation_id: investigation.id,
        at: iso(closed),
        description: say(INVESTIGATION_STEPS.closed),
        created_at: iso(closed),
      });
    }
  }
  return { investigations, investigationEvents, rootCauses, actions };
}
