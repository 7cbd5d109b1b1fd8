import { nextReport, periodsThrough } from '#shared/modules/ip/licences/rules.ts';
import { addDays, addYears } from './clock.ts';
import type { DemoDataset } from './generate.ts';
import { generateInfosecDataset } from './infosec.ts';
import type { Random } from './random.ts';

type Row = Record<string, unknown>;

/**
 * A few licences (an out-licence on royalties reported quarterly, an in-licence at a fixed yearly fee, a
 * royalty-free cross-licence) on granted matters of the portfolio, with the royalty reports recorded so far
 * and the next one as an obligation; freedom-to-operate opinions; and IP risk cases, one of them naming the
 * security incident of the information security demo through which data left the company.
 */
export function generateLicencesAndRisks(
  data: DemoDataset,
  rng: Random,
  portfolio: { families: Row[]; matters: Row[] },
) {
  const site = (id: unknown) => data.sites.find((s) => s.id === id);
  // Kaohsiung's matters first: the first licence, the opinions and the cases are then the demo site officer's.
  const atKaohsiung = (m: Row) => (site(m.site_id)?.code === 'ASE-KH' ? 0 : 1);
  const granted = portfolio.matters
    .filter((m) => m.status === 'granted' && m.office === 'US')
    .sort((a, b) => atKaohsiung(a) - atKaohsiung(b));
  const pick = (n: number) =>
    granted.filter((_, i) => i % Math.max(1, Math.floor(granted.length / n)) === 0).slice(0, n);
  const licences: Row[] = [];
  const licenceMatters: Row[] = [];
  const licenceFamilies: Row[] = [];
  const reports: Row[] = [];
  const obligations: Row[] = [];
  const terms = [
    {
      reference: 'LIC-OUT-2021-003',
      direction: 'out',
      counterparty: 'Nordic Sensor AB',
      subject: 'MEMS microphone package with a stepped acoustic cavity',
      territory: ['EP', 'US'],
      field_of_use: 'Consumer audio devices',
      starts_on: addYears(data.clock, -3).slice(0, 7).concat('-01'),
      years: 8,
      exclusivity: 'non_exclusive',
      royalty_basis: 'rate',
      royalty_rate: '2.5000',
      royalty_amount: null,
      currency: 'USD',
      reporting_period: 'quarterly',
      report_due_days: 45,
    },
    {
      reference: 'LIC-IN-2020-011',
      direction: 'in',
      counterparty: 'Tessera Packaging Technologies',
      subject: 'Wafer-level chip-scale packaging patents',
      territory: ['WW'],
      field_of_use: 'Semiconductor packaging services',
      starts_on: '2020-01-01',
      years: 10,
      exclusivity: 'non_exclusive',
      royalty_basis: 'fixed',
      royalty_rate: null,
      royalty_amount: '1500000.00',
      currency: 'USD',
      reporting_period: 'annual',
      report_due_days: 60,
    },
    {
      reference: 'LIC-X-2019-002',
      direction: 'cross',
      counterparty: 'Amkor Technology, Inc.',
      subject: 'Cross-licence of flip-chip and fan-out packaging portfolios',
      territory: ['WW'],
      field_of_use: null,
      starts_on: '2019-07-01',
      years: 10,
      exclusivity: 'non_exclusive',
      royalty_basis: 'none',
      royalty_rate: null,
      royalty_amount: null,
      currency: null,
      reporting_period: null,
      report_due_days: null,
    },
  ] as const;
  const covered = pick(terms.length * 2);
  terms.forEach((t, i) => {
    const matters = covered.slice(i * 2, i * 2 + 2);
    const siteId = matters[0]?.site_id ?? data.sites[0].id;
    const id = rng.uuid();
    const ends = addDays(addYears(t.starts_on, t.years), -1);
    const { years: _years, ...columns } = t;
    licences.push({ id, site_id: siteId, ...columns, territory: [...t.territory], ends_on: ends });
    for (const m of matters) licenceMatters.push({ licence_id: id, matter_id: m.id });
    if (t.direction === 'cross' && matters[0])
      licenceFamilies.push({ licence_id: id, family_id: matters[0].family_id });
    if (!t.reporting_period || t.report_due_days === null) return;
    // Every report due before today is in, apart from the latest quarter's at the out-licensee.
    const periods = periodsThrough(
      { startsOn: t.starts_on, endsOn: ends },
      t.reporting_period,
      t.report_due_days,
      data.clock,
    );
    const reported = new Set<string>();
    for (const p of periods) {
      if (p.dueDate >= data.clock) continue;
      reported.add(p.end);
      reports.push({
        id: rng.uuid(),
        licence_id: id,
        site_id: siteId,
        period_start: p.start,
        period_end: p.end,
        reported_on: addDays(p.dueDate, -rng.int(1, 20)),
        amount: t.royalty_basis === 'fixed' ? t.royalty_amount : `${rng.int(90_000, 260_000)}.00`,
        currency: t.currency,
      });
    }
    const next = nextReport(
      { startsOn: t.starts_on, endsOn: ends },
      t.reporting_period,
      t.report_due_days,
      reported,
      data.clock,
    );
    if (next)
      obligations.push({
        id: rng.uuid(),
        kind: 'ip.royalty_report',
        source_type: 'ip_licence',
        source_id: id,
        site_id: siteId,
        program: 'ip',
        owner_id: null,
        title: null,
        title_key:
          t.direction === 'in' ? 'ip.obligation.royaltyReportOwed' : 'ip.obligation.royaltyReportDue',
        title_params: { reference: t.reference, counterparty: t.counterparty, periodEnd: next.end },
        due_date: next.dueDate,
        due_at: null,
        state: 'open',
        done_at: null,
      });
  });

  const homeSite = site(covered[0]?.site_id) ?? data.sites[0];
  // SPIL's interposer line asks for its own opinions and answers its own customers' claims.
  const spil = data.sites.find((s) => s.code === 'SPIL-ZK') ?? homeSite;
  const fto: Row[] = [
    [
      'Fan-out panel-level package for RF front-end modules',
      'fan_out',
      'design_around',
      ['US 10,510,634 B2', 'US 11,024,569 B2', 'TW I653021'],
    ],
    ['SiP module for true wireless earbuds', 'sip', 'clear', ['US 9,856,745 B2', 'CN 108417550 B']],
    ['2.5D interposer with through-silicon vias', 'ic_2_5d_3d', 'clear_with_licence', ['US 8,802,504 B1']],
  ].map(([subject, technology, conclusion, patents], i) => ({
    id: rng.uuid(),
    site_id: technology === 'ic_2_5d_3d' ? spil.id : homeSite.id,
    subject,
    technology,
    conclusion,
    counsel: i === 0 ? 'Lee and Li, Attorneys-at-Law' : 'Group IP office',
    opinion_date: addDays(data.clock, -rng.int(60, 700)),
    patents_considered: patents,
    family_ids: covered[i] ? [covered[i].family_id] : [],
  }));

  // The most recent incident of the security demo through which drawings left the company (a notebook lost
  // abroad), if the demo has one.
  const leaked = generateInfosecDataset(data)
    .incidents.filter((x) => /engineering drawings|工程圖面/.test(String(x.title)))
    .sort((a, b) => (a.aware_at as Date).getTime() - (b.aware_at as Date).getTime())
    .at(-1);
  const cases: Row[] = [];
  const steps: Row[] = [];
  const costs: Row[] = [];
  const addCase = (c: Row, history: [string, string][], spent: [string, string, string, string][]) => {
    const id = rng.uuid();
    const last = history[history.length - 1];
    cases.push({ id, ...c, step: last[0], step_on: last[1] });
    for (const [step, on] of history) steps.push({ id: rng.uuid(), case_id: id, step, effective_on: on });
    for (const [on, category, amount, currency] of spent)
      costs.push({ id: rng.uuid(), case_id: id, incurred_on: on, category, amount, currency });
  };
  if (leaked) {
    const on = (leaked.aware_at as Date).toISOString().slice(0, 10);
    addCase(
      {
        site_id: leaked.site_id,
        reference: `RC-${on.slice(0, 4)}-001`,
        kind: 'misappropriation',
        direction: 'against_us',
        title: 'Engineering drawings on a notebook lost abroad: checking for use by others',
        counterparty: 'Former employee',
        counsel: 'Lee and Li, Attorneys-at-Law',
        incident_id: leaked.id,
        outcome: null,
      },
      [
        ['suspected', on],
        ['evidence_preserved', addDays(on, 3)],
        ['notice_sent', addDays(on, 20)],
      ],
      [[addDays(on, 25), 'counsel', '380000.00', 'TWD']],
    );
  }
  const litigationStart = addDays(data.clock, -540);
  addCase(
    {
      site_id: homeSite.id,
      reference: `RC-${litigationStart.slice(0, 4)}-014`,
      kind: 'litigation',
      direction: 'by_us',
      title: 'Patent assertion against our fan-out process (US district court)',
      counterparty: 'Non-practising entity',
      counsel: 'Finnegan, Henderson, Farabow, Garrett & Dunner',
      incident_id: null,
      outcome: null,
    },
    [
      ['suspected', litigationStart],
      ['investigating', addDays(litigationStart, 10)],
      ['litigation', addDays(litigationStart, 60)],
    ],
    [
      [addDays(litigationStart, 30), 'counsel', '120000.00', 'USD'],
      [addDays(litigationStart, 90), 'expert', '45000.00', 'USD'],
      [addDays(litigationStart, 200), 'counsel', '210000.00', 'USD'],
    ],
  );
  const claim = addDays(data.clock, -300);
  addCase(
    {
      site_id: homeSite.id,
      reference: `RC-${claim.slice(0, 4)}-007`,
      kind: 'indemnity_claim',
      direction: 'by_us',
      title: 'Customer asks for indemnity after a third-party infringement claim',
      counterparty: 'Handset customer',
      counsel: 'Group IP office',
      incident_id: null,
      outcome: 'licence_granted',
    },
    [
      ['suspected', claim],
      ['negotiating', addDays(claim, 30)],
      ['settled', addDays(claim, 150)],
      ['closed', addDays(claim, 160)],
    ],
    [[addDays(claim, 150), 'settlement', '250000.00', 'USD']],
  );
  // SPIL's open case, drawn last so that the draws before it stay as they were.
  const noticed = addDays(data.clock, -45);
  addCase(
    {
      site_id: spil.id,
      reference: `RC-${noticed.slice(0, 4)}-019`,
      kind: 'infringement',
      direction: 'against_us',
      title: 'Interposer test fixture copied by a tooling vendor for another customer',
      counterparty: 'Tooling vendor',
      counsel: 'Group IP office',
      incident_id: null,
      outcome: null,
    },
    [
      ['suspected', noticed],
      ['investigating', addDays(noticed, 7)],
    ],
    [[addDays(noticed, 14), 'counsel', '95000.00', 'TWD']],
  );
  return { licences, licenceMatters, licenceFamilies, reports, obligations, fto, cases, steps, costs };
}
