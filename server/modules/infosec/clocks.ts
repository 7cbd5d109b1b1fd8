import {
  type Clock,
  type ClockName,
  clockNames,
  incidentClocks,
} from '#shared/modules/infosec/rules/clocks.ts';
import type { Level } from '#shared/modules/infosec/rules/level.ts';
import { localDate } from '#shared/platform/obligations/rules/reminders.ts';
import type { Db } from '../../db/types.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { word } from '../../platform/i18n/index.ts';
import { registerObligationKind } from '../../platform/obligations/kinds.ts';
import type { ObligationsService } from '../../platform/obligations/service.ts';
import type { OrgService } from '../../platform/org/service.ts';
import type { SettingsService } from '../../platform/settings/service.ts';
import { clockTitle } from './messages.ts';
import type { IncidentRow } from './repo.ts';
import { clockRulesSetting } from './settings.ts';

/** The obligation kind of each clock: `infosec.<clock>_clock`. Reminded hourly, escalated the moment it is late. */
export const CLOCK_KINDS: Record<ClockName, string> = Object.fromEntries(
  clockNames.map((c) => [c, `infosec.${c}_clock`]),
) as Record<ClockName, string>;
for (const kind of Object.values(CLOCK_KINDS))
  registerObligationKind({
    kind,
    program: 'infosec',
    name: word('infosec.obligationKind', kind.slice('infosec.'.length)),
    schedule: { daysBefore: [0], overdueEveryDays: 1 },
  });

export const INCIDENT_SOURCE = 'infosec_incident';

/** What the clocks need of an incident's site: its country and time zone. */
type SiteZone = { country: string; timeZone: string };

/** The incident's clock events; the site's country and time zone when personal data is involved. */
export function eventsOf(row: IncidentRow, site?: SiteZone) {
  return {
    personalData: row.information_impact === 'privacy' && site ? site : undefined,
    breachAssessedAt: row.breach_assessed_at,
    authorityNotifiedAt: row.authority_notified_at,
    level: row.level as Level | null,
    awareAt: row.aware_at,
    cisoReportedAt: row.ciso_reported_at,
    levelReviewedAt: row.level_reviewed_at,
    recoveredAt: row.recovered_at,
    investigationReportedAt: row.investigation_reported_at,
  };
}

/** The incident's clocks kept as platform obligations: running ones open with their due time, stopped ones done. */
export function createClockKeeper(
  obligations: ObligationsService,
  settings: SettingsService,
  org: Pick<OrgService, 'sitesByIds'>,
) {
  return {
    async clocksOf(row: IncidentRow, handle: Db): Promise<Clock[]> {
      // Only a breach of personal data needs the site (its country's notification period).
      const site =
        row.information_impact === 'privacy'
          ? (await org.sitesByIds([row.site_id], handle)).get(row.site_id)
          : undefined;
      return incidentClocks(eventsOf(row, site), await settings.get(clockRulesSetting, handle));
    },

    /**
     * The clocks of a page of incidents, in the rows' order: the rules read once and the sites taken from the
     * caller's one lookup for the page, so a list costs no query per row.
     */
    async clocksOfPage(rows: IncidentRow[], sites: ReadonlyMap<string, SiteZone>, handle: Db) {
      if (!rows.length) return [];
      const rules = await settings.get(clockRulesSetting, handle);
      return rows.map((row) =>
        incidentClocks(
          eventsOf(row, row.information_impact === 'privacy' ? sites.get(row.site_id) : undefined),
          rules,
        ),
      );
    },

    async sync(trx: Db, actor: Actor, row: IncidentRow, timeZone: string): Promise<Clock[]> {
      const clocks = await this.clocksOf(row, trx);
      // A clock the incident no longer has (personal data ruled out) leaves no obligation open.
      for (const name of clockNames)
        if (!clocks.some((c) => c.clock === name))
          await obligations.closeForSource(
            trx,
            actor,
            CLOCK_KINDS[name],
            INCIDENT_SOURCE,
            row.id,
            'cancelled',
          );
      for (const c of clocks) {
        const kind = CLOCK_KINDS[c.clock];
        if (row.status === 'closed' && !c.doneAt) {
          await obligations.closeForSource(trx, actor, kind, INCIDENT_SOURCE, row.id, 'cancelled');
        } else if (c.doneAt) {
          await obligations.closeForSource(trx, actor, kind, INCIDENT_SOURCE, row.id, 'done');
        } else if (c.startAt && c.dueAt) {
          await obligations.upsertForSource(trx, actor, {
            kind,
            sourceType: INCIDENT_SOURCE,
            sourceId: row.id,
            siteId: row.site_id,
            program: 'infosec',
            ownerId: null,
            title: clockTitle(c.clock, row.reference),
            dueDate: localDate(c.dueAt, timeZone),
            dueAt: c.dueAt,
          });
        }
      }
      return clocks;
    },

    async cancelAll(trx: Db, actor: Actor, incidentId: string) {
      for (const kind of Object.values(CLOCK_KINDS))
        await obligations.closeForSource(trx, actor, kind, INCIDENT_SOURCE, incidentId, 'cancelled');
    },
  };
}
