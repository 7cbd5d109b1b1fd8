import { describe, expect, it } from 'vitest';
import { grantedStatuses, pendingStatuses, type Status } from '#shared/modules/ip/rules/offices.ts';
import { statusOnDay } from '../../server/modules/ip/rules/lifecycle.ts';
import { generateDemoDataset } from './generate.ts';
import { generateIpDataset } from './ip.ts';
import { PORTFOLIO_AS_OF, PUBLISHED_GREEN, PUBLISHED_PORTFOLIO } from './ip-portfolio.ts';

const CLOCK = '2026-03-15';
const ip = generateIpDataset(generateDemoDataset({ clock: CLOCK, scale: 0.01 }));
type Row = Record<string, any>;
const eventsBy = new Map<string, { status: Status; effectiveOn: string }[]>();
for (const e of ip.events as Row[])
  eventsBy.set(e.matter_id, [
    ...(eventsBy.get(e.matter_id) ?? []),
    { status: e.status, effectiveOn: e.effective_on },
  ]);
const bucket = (office: string) => (['TW', 'US', 'CN', 'EP'].includes(office) ? office : 'OTHER');

describe('the demo IP portfolio', () => {
  it("reproduces the report's granted and pending patents by jurisdiction as of 31 January 2024", () => {
    const counted = { granted: {} as Record<string, number>, pending: {} as Record<string, number> };
    for (const m of ip.matters as Row[]) {
      const status = statusOnDay(eventsBy.get(m.id) ?? [], PORTFOLIO_AS_OF);
      const kind =
        status && grantedStatuses.includes(status)
          ? 'granted'
          : status && pendingStatuses.includes(status)
            ? 'pending'
            : null;
      if (kind) counted[kind][bucket(m.office)] = (counted[kind][bucket(m.office)] ?? 0) + 1;
    }
    expect(counted).toEqual(PUBLISHED_PORTFOLIO);
    // The report's pending total.
    expect(Object.values(counted.pending).reduce((a, n) => a + n, 0)).toBe(2144);
  });

  it('gives every matter a history that leads, in order, from its filing to its status today', () => {
    for (const m of ip.matters as Row[]) {
      const events = eventsBy.get(m.id) ?? [];
      expect(events[0]).toEqual({ status: 'filed', effectiveOn: m.filing_date });
      expect(events.at(-1)?.status).toBe(m.status);
      const days = events.map((e) => e.effectiveOn);
      expect([...days].sort()).toEqual(days);
      expect(days.at(-1)! <= CLOCK).toBe(true);
      if (m.grant_date) expect(events).toContainEqual({ status: 'granted', effectiveOn: m.grant_date });
    }
  });

  it('files abroad within the twelve-month priority year of the family', () => {
    const families = new Map((ip.families as Row[]).map((f) => [f.id, f]));
    const foreign = (ip.matters as Row[]).filter((m) => m.priority_date);
    expect(foreign.length).toBeGreaterThan(2000);
    for (const m of foreign) {
      expect(families.has(m.family_id)).toBe(true);
      const days = (Date.parse(m.filing_date) - Date.parse(m.priority_date)) / 86_400_000;
      expect(days).toBeGreaterThan(0);
      expect(days).toBeLessThanOrEqual(365);
    }
    const numbers = (ip.matters as Row[]).map((m) => `${m.office}/${m.application_no}`);
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it("reproduces the report's green patents: granted in 2023 by technology, and all granted to the end of 2023", () => {
    const families = new Map((ip.families as Row[]).map((f) => [f.id, f]));
    const inYear: Record<string, number> = {};
    let cumulative = 0;
    for (const m of ip.matters as Row[]) {
      const f = families.get(m.family_id);
      if (!f?.green || !m.grant_date || m.grant_date > '2023-12-31') continue;
      cumulative++;
      if (m.grant_date.startsWith('2023')) inYear[f.technology] = (inYear[f.technology] ?? 0) + 1;
    }
    expect(inYear).toEqual(PUBLISHED_GREEN.byTechnology);
    expect(Object.values(inYear).reduce((a, n) => a + n, 0)).toBe(135);
    expect(cumulative).toBe(1101);
    // A green family names its technology's sustainability focus.
    for (const f of ip.families as Row[]) if (f.green) expect(f.sustainability_focus).toBeTruthy();
  });
});

describe('the demo licences and risk cases', () => {
  it('chases the next royalty report of each licence with royalties and names a security incident of the demo', () => {
    const { licences, obligations, cases, reports } = ip.licensing;
    const withRoyalties = (licences as Row[]).filter((l) => l.royalty_basis !== 'none');
    expect(withRoyalties.length).toBe(2);
    expect((obligations as Row[]).map((o) => o.source_id).sort()).toEqual(
      withRoyalties.map((l) => l.id).sort(),
    );
    // Every report due before the demo's today is recorded, so the one chased is not yet overdue.
    for (const o of obligations as Row[]) expect(String(o.due_date) >= CLOCK).toBe(true);
    expect(reports.length).toBeGreaterThan(4);
    const linked = (cases as Row[]).filter((c) => c.incident_id !== null);
    expect(linked).toHaveLength(1);
  });

  it('gives Kaohsiung keep-or-drop decisions and open decisions before fees due within a year', () => {
    const data = generateDemoDataset({ clock: CLOCK, scale: 0.01 });
    const kh = data.sites.find((s) => s.code === 'ASE-KH')?.id;
    const decided = ip.keepDrop.decisions as Row[];
    const open = ip.keepDrop.obligations as Row[];
    expect(decided.filter((d) => d.site_id === kh).length).toBeGreaterThan(0);
    expect(open.filter((o) => o.site_id === kh).length).toBeGreaterThan(0);
    for (const d of decided) {
      expect(d.fee_due_date > CLOCK).toBe(true);
      expect(d.assessment.working).toHaveLength(9);
      expect(d.lapses_on !== null).toBe(d.decision === 'drop');
    }
    // Re-assessment facts are on the matters decided.
    const matters = new Map((ip.matters as Row[]).map((m) => [m.id, m]));
    expect(decided.every((d) => typeof matters.get(d.matter_id)?.claims === 'number')).toBe(true);
  });
});
