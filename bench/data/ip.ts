import type { Kind, Office, Status } from '#shared/modules/ip/rules/offices.ts';
import { deadStatuses } from '#shared/modules/ip/rules/offices.ts';
import { Random } from '../../reference/demo/random.ts';
import { DEADLINE_KINDS, MATTER } from '../../server/modules/ip/matters.ts';
import { ipMessages } from '../../server/modules/ip/messages.ts';
import { type OfficeCalendar, officeCalendar } from '../../server/modules/ip/rules/calendar.ts';
import { computeSchedule } from '../../server/modules/ip/rules/deadlines.ts';

type Row = Record<string, unknown>;

/** The US federal holidays by rule for these years, as the IP calendars service derives them. */
const US_YEARS = Array.from({ length: 2080 - 1980 + 1 }, (_, i) => 1980 + i);

/**
 * The open deadlines of the demo portfolio, kept as obligations the way the IP program keeps them when a
 * matter is entered or changed through Steward: for every live matter, the next priority, national-phase and
 * annuity deadline still to act on from the demo's day, due on its act-by date. The demo portfolio is loaded
 * as rows, so its matters never went through that step; the bench adds what a portfolio in service holds (the
 * offices' calendars are their rule-derived closures: the demo enters no closure days).
 */
export function ipDeadlineObligations(
  tables: readonly { table: string; rows: readonly Row[] }[],
  clock: string,
  seed: string,
): Row[] {
  const rows = (table: string) => tables.filter((t) => t.table === table).flatMap((t) => t.rows);
  const families = new Map(rows('ip_families').map((f) => [f.id as string, f]));
  const cache = new Map<Office, OfficeCalendar>();
  const calendars = (office: Office) => {
    let c = cache.get(office);
    if (!c) {
      c = officeCalendar(office, [], office === 'US' ? US_YEARS : []);
      cache.set(office, c);
    }
    return c;
  };
  const rng = new Random(`${seed}:bench-ip-deadlines`);
  const out: Row[] = [];
  for (const m of rows('ip_matters')) {
    const status = m.status as Status;
    if (deadStatuses.includes(status)) continue;
    const schedule = computeSchedule(
      {
        office: m.office as Office,
        kind: (m.kind ?? 'invention') as Kind,
        route: (m.route ?? 'direct') as 'direct' | 'pct',
        status,
        filingDate: m.filing_date as string,
        priorityDate: (m.priority_date ?? null) as string | null,
        grantDate: (m.grant_date ?? null) as string | null,
        termAdjustmentDays: Number(m.term_adjustment_days ?? 0),
      },
      calendars,
    );
    const family = families.get(m.family_id as string);
    for (const [kind, obligationKind] of Object.entries(DEADLINE_KINDS)) {
      const next = schedule.deadlines.find((d) => d.kind === kind && !d.atGrant && d.actBy >= clock);
      if (!next) continue;
      // Stored as a message key and its parameters, as the obligations service stores a title.
      const title = ipMessages.deadlineTitle(
        next,
        m.application_no as string,
        String(family?.reference ?? ''),
      );
      out.push({
        id: rng.uuid(),
        kind: obligationKind,
        source_type: MATTER,
        source_id: m.id,
        site_id: m.site_id,
        program: 'ip',
        owner_id: null,
        title: null,
        title_key: title.key,
        title_params: title.params ?? {},
        due_date: next.actBy,
        due_at: null,
        state: 'open',
        done_at: null,
      });
    }
  }
  return out;
}
