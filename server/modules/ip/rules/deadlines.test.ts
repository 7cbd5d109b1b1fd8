import { describe, expect, it } from 'vitest';
import type { Office } from '#shared/modules/ip/rules/offices.ts';
import { nextWorkingDay, officeCalendar, usFederalHolidays } from './calendar.ts';
import { addMonths, periodEnd } from './dates.ts';
import { computeSchedule, lateSurchargePercent, type MatterFacts, term } from './deadlines.ts';
import { trademarkDeadlines } from './trademarks.ts';

const noClosures = (office: Office) => officeCalendar(office, [], []);
const usCalendar = (office: Office) =>
  officeCalendar(office, [], office === 'US' ? [2013, 2014, 2015, 2018, 2019, 2022, 2023, 2026, 2027] : []);

const facts = (f: Partial<MatterFacts>): MatterFacts => ({
  office: 'US',
  kind: 'invention',
  route: 'direct',
  status: 'granted',
  filingDate: '2020-01-01',
  priorityDate: null,
  grantDate: null,
  termAdjustmentDays: 0,
  ...f,
});

describe('periods in months and years', () => {
  it('ends on the same day number, or on the last day of a month without it (EPC Rule 131(4); PCT Rule 80.2)', () => {
    // Paris Convention priority: 12 months from 29 February 2024 end on 28 February 2025.
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2024-02-29', 48)).toBe('2028-02-29');
    expect(addMonths('2022-08-31', 30)).toBe('2025-02-28');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
  });
  it('a year counted from a day ends the day before its anniversary, or on the month-end (Taiwan Civil Code art. 121)', () => {
    expect(periodEnd('2021-01-01', 12)).toBe('2021-12-31');
    expect(periodEnd('2024-02-29', 12)).toBe('2025-02-28');
    expect(periodEnd('2024-02-29', 48)).toBe('2028-02-28');
  });
});

describe('office calendars', () => {
  it('knows the US federal holidays of 5 U.S.C. 6103, observed on the nearest weekday', () => {
    const days = usFederalHolidays(2023).map((h) => h.day);
    expect(days).toEqual([
      '2023-01-02', // New Year's Day fell on a Sunday
      '2023-01-16',
      '2023-02-20',
      '2023-05-29',
      '2023-06-19',
      '2023-07-04',
      '2023-09-04',
      '2023-10-09',
      '2023-11-10', // Veterans Day fell on a Saturday
      '2023-11-23',
      '2023-12-25',
    ]);
  });
  it('moves a deadline over a weekend and an entered closure day, and says when a year is not known', () => {
    const cal = officeCalendar('TW', [{ day: '2024-02-12' }, { day: '2024-02-13' }], []);
    // Saturday 10 February 2024 → Sunday → two closure days → Wednesday 14 February.
    expect(nextWorkingDay(cal, '2024-02-10')).toEqual({ date: '2024-02-14', calendarKnown: true });
    expect(nextWorkingDay(cal, '2025-03-03')).toEqual({ date: '2025-03-03', calendarKnown: false });
  });
});

describe('US utility maintenance fees (35 U.S.C. 41(b); 37 CFR 1.362; MPEP 2506)', () => {
  // US 8,926,509 B2 (USPTO full-text sample): filed 2008-06-05, granted 2015-01-06, term adjustment 605 days.
  // The provisional of 2007-08-24 does not start the 20-year term (35 U.S.C. 154(a)(3)).
  const us8926509 = facts({ filingDate: '2008-06-05', grantDate: '2015-01-06', termAdjustmentDays: 605 });

  it('opens the window at 3, 7 and 11 years, falls due at 3½, 7½ and 11½, grace to the 4th, 8th and 12th anniversary', () => {
    const s = computeSchedule(us8926509, usCalendar);
    const fees = s.deadlines.filter((d) => d.kind === 'annuity');
    expect(fees.map((d) => [d.windowOpens, d.dueDate, d.actBy, d.graceEnds])).toEqual([
      ['2018-01-06', '2018-07-06', '2018-07-06', '2019-01-07'], // 2019-01-06 is a Sunday
      ['2022-01-06', '2022-07-06', '2022-07-06', '2023-01-06'],
      ['2026-01-06', '2026-07-06', '2026-07-06', '2027-01-06'],
    ]);
    // 20 years from 2008-06-05 plus 605 days.
    expect(s.termEnd).toBe('2030-01-31');
    expect(s.deadlines.at(-1)).toMatchObject({
      kind: 'term_end',
      dueDate: '2030-01-31',
      actBy: '2030-01-31',
    });
  });

  it('counts the term of a continuation from its first parent, not its own filing or a foreign priority (35 U.S.C. 154(a)(2), (3))', () => {
    // US 8,927,118 (USPTO full-text sample): filed 2012-01-12, a continuation of 13/173,486 (2011-06-30), itself a
    // continuation of 12/253,586 filed 2008-10-17; Japanese priority 2008-06-05; no term adjustment.
    const s = computeSchedule(
      facts({
        filingDate: '2012-01-12',
        grantDate: '2015-01-06',
        termFrom: '2008-10-17',
        priorityDate: '2008-06-05',
      }),
      usCalendar,
    );
    expect(s.termEnd).toBe('2028-10-17');
    // Maintenance fees still run from the grant; the 11½-year fee falls before the term ends.
    expect(s.deadlines.filter((d) => d.kind === 'annuity').map((d) => d.dueDate)).toEqual([
      '2018-07-06',
      '2022-07-06',
      '2026-07-06',
    ]);
    // US 7,272,630 B2: a division of 09/876,376 filed 2001-06-06, 36 days of adjustment.
    const division = computeSchedule(
      facts({
        filingDate: '2004-11-18',
        grantDate: '2007-09-18',
        termFrom: '2001-06-06',
        termAdjustmentDays: 36,
      }),
      usCalendar,
    );
    expect(division.termEnd).toBe('2021-07-12');
  });

  it('moves a due date on Independence Day to the next business day (35 U.S.C. 21(b))', () => {
    const s = computeSchedule(facts({ filingDate: '2009-03-02', grantDate: '2011-01-04' }), usCalendar);
    const first = s.deadlines.find((d) => d.kind === 'annuity');
    expect(first).toMatchObject({ dueDate: '2014-07-04', actBy: '2014-07-07', calendarKnown: true });
  });

  it('charges no maintenance fee for a design, whose term depends on the filing date (35 U.S.C. 173)', () => {
    const before = computeSchedule(
      facts({ kind: 'design', filingDate: '2015-05-12', grantDate: '2016-01-05' }),
      usCalendar,
    );
    const after = computeSchedule(
      facts({ kind: 'design', filingDate: '2015-05-13', grantDate: '2016-01-05' }),
      usCalendar,
    );
    expect(before.deadlines.filter((d) => d.kind === 'annuity')).toHaveLength(0);
    expect(before.termEnd).toBe('2030-01-05');
    expect(after.termEnd).toBe('2031-01-05');
  });
});

describe('EPO renewal fees (EPC art. 86, Rule 51; Guidelines A-X, 5.2.4)', () => {
  it('Example A: filed 15.11.2016, third year due 30.11.2018, fourth 30.11.2019 (a Saturday: paid on Monday 2.12.2019)', () => {
    const s = computeSchedule(facts({ office: 'EP', status: 'filed', filingDate: '2016-11-15' }), noClosures);
    const fees = s.deadlines.filter((d) => d.kind === 'annuity');
    expect(fees[0]).toMatchObject({ year: 3, dueDate: '2018-11-30', actBy: '2018-11-30', payee: 'epo' });
    expect(fees[1]).toMatchObject({ year: 4, dueDate: '2019-11-30', actBy: '2019-12-02' });
    // Renewal fees for years 3 to 20.
    expect(fees.map((d) => d.year)).toEqual(Array.from({ length: 18 }, (_, i) => i + 3));
  });

  it('Example B: a Euro-PCT application (priority 15.07.2016, filed 14.07.2017) pays its third year by 31.07.2019', () => {
    const s = computeSchedule(
      facts({
        office: 'EP',
        route: 'pct',
        status: 'filed',
        filingDate: '2017-07-14',
        priorityDate: '2016-07-15',
      }),
      noClosures,
    );
    const fees = s.deadlines.filter((d) => d.kind === 'annuity');
    expect(fees[0]).toMatchObject({ year: 3, dueDate: '2019-07-31' });
    expect(fees[1]).toMatchObject({ year: 4, dueDate: '2020-07-31' });
  });

  it('defers a Euro-PCT third-year fee due before the 31-month period to its expiry (Rule 159(1)(g))', () => {
    const s = computeSchedule(
      facts({
        office: 'EP',
        route: 'pct',
        status: 'filed',
        filingDate: '2021-03-10',
        priorityDate: '2020-09-10',
      }),
      noClosures,
    );
    // Due 31.03.2023 by Rule 51(1), but the 31 months from 10.09.2020 expire on 10.04.2023.
    expect(s.deadlines.find((d) => d.year === 3)).toMatchObject({
      dueDate: '2023-04-10',
      graceEnds: '2023-10-10',
    });
  });

  it('ends the grace period on the last day of the sixth month after the due date (J 4/91)', () => {
    const s = computeSchedule(facts({ office: 'EP', status: 'filed', filingDate: '2020-02-10' }), noClosures);
    // Third year due 28.02.2022; the additional period ends 31.08.2022, not 28.08.2022.
    expect(s.deadlines.find((d) => d.year === 3)).toMatchObject({
      dueDate: '2022-02-28',
      graceEnds: '2022-08-31',
    });
  });

  it('hands the renewal fees to the validation states after the year in which the grant is published (art. 86(2))', () => {
    const s = computeSchedule(
      facts({ office: 'EP', filingDate: '2018-06-15', grantDate: '2022-09-07' }),
      noClosures,
    );
    const fees = s.deadlines.filter((d) => d.kind === 'annuity');
    // The grant falls in the fifth year (15.06.2022 – 14.06.2023): years 3–5 to the EPO, 6 onwards national.
    expect(fees.filter((d) => d.payee === 'epo').map((d) => d.year)).toEqual([3, 4, 5]);
    expect(fees.find((d) => d.year === 6)).toMatchObject({
      payee: 'national',
      dueDate: '2023-06-30',
      calendarKnown: false,
    });
  });
});

describe('Taiwan annuities (Patent Act arts. 93–94)', () => {
  it('counts the years from the grant publication and dues each by the last day of the preceding year', () => {
    const s = computeSchedule(
      facts({ office: 'TW', filingDate: '2019-05-20', grantDate: '2021-01-01' }),
      noClosures,
    );
    const fees = s.deadlines.filter((d) => d.kind === 'annuity');
    expect(fees[0]).toMatchObject({
      year: 2,
      dueDate: '2021-12-31',
      actBy: '2021-12-31',
      graceEnds: '2022-06-30',
    });
    expect(fees[1]).toMatchObject({ year: 3, dueDate: '2022-12-31', actBy: '2023-01-02' });
    // Term 20 years from filing: the last year that starts before 2039-05-20 is the 19th.
    expect(fees.at(-1)?.year).toBe(19);
  });

  it('a grant published on 29 February has its first year end on 28 February', () => {
    const s = computeSchedule(
      facts({ office: 'TW', filingDate: '2022-03-01', grantDate: '2024-02-29' }),
      noClosures,
    );
    expect(s.deadlines.find((d) => d.year === 2)?.dueDate).toBe('2025-02-28');
    expect(s.deadlines.find((d) => d.year === 5)?.dueDate).toBe('2028-02-28');
  });

  it('adds 20% per month in arrears, at most the fee (art. 94(1))', () => {
    expect(lateSurchargePercent('TW', '2021-12-31', '2021-12-31')).toBe(0);
    expect(lateSurchargePercent('TW', '2021-12-31', '2022-01-01')).toBe(20);
    expect(lateSurchargePercent('TW', '2021-12-31', '2022-03-15')).toBe(60);
    expect(lateSurchargePercent('TW', '2021-12-31', '2022-06-30')).toBe(100);
    expect(() => lateSurchargePercent('TW', '2021-12-31', '2022-07-01')).toThrow(RangeError);
  });

  it('keys a design’s term on its filing date (art. 135: 15 years from 2019-11-01, 12 before)', () => {
    expect(term({ office: 'TW', kind: 'design', filingDate: '2019-10-31' })?.years).toBe(12);
    expect(term({ office: 'TW', kind: 'design', filingDate: '2019-11-01' })?.years).toBe(15);
  });
});

describe('China annual fees (Implementing Regulations rr. 97–98 of 2010)', () => {
  it('charges the grant year at registration, then each year on the filing anniversary', () => {
    const s = computeSchedule(
      facts({ office: 'CN', filingDate: '2019-03-10', grantDate: '2021-08-20' }),
      noClosures,
    );
    const fees = s.deadlines.filter((d) => d.kind === 'annuity');
    // The grant of 2021-08-20 falls in the third patent year (10.03.2021 – 09.03.2022).
    expect(fees[0]).toMatchObject({ year: 3, atGrant: true });
    expect(fees[1]).toMatchObject({ year: 4, dueDate: '2022-03-10', graceEnds: '2022-09-12' }); // 10.09 is a Saturday
    expect(fees.at(-1)).toMatchObject({ year: 20, dueDate: '2038-03-10' });
  });

  it('is free for the first month of grace, then 5% per month (CNIPA Guidelines Part V ch. 9)', () => {
    expect(lateSurchargePercent('CN', '2022-03-10', '2022-04-10')).toBe(0);
    expect(lateSurchargePercent('CN', '2022-03-10', '2022-04-11')).toBe(5);
    expect(lateSurchargePercent('CN', '2022-03-10', '2022-09-10')).toBe(25);
  });

  it('keys a design’s term on its filing date (art. 42: 15 years from 2021-06-01, 10 before)', () => {
    expect(term({ office: 'CN', kind: 'design', filingDate: '2021-05-31' })?.years).toBe(10);
    expect(term({ office: 'CN', kind: 'design', filingDate: '2021-06-01' })?.years).toBe(15);
  });
});

describe('priority and national phase', () => {
  it('gives a first filing 12 months for priority, a design 6 (Paris Convention art. 4C(1))', () => {
    const s = computeSchedule(facts({ office: 'TW', status: 'filed', filingDate: '2024-02-29' }), noClosures);
    expect(s.deadlines.find((d) => d.kind === 'priority')?.dueDate).toBe('2025-02-28');
    const d = computeSchedule(
      facts({ office: 'TW', kind: 'design', status: 'filed', filingDate: '2024-08-31' }),
      noClosures,
    );
    expect(d.deadlines.find((x) => x.kind === 'priority')?.dueDate).toBe('2025-02-28');
  });

  it('enters the national phase at 30 months (US, CN, JP) or 31 (EPO, KR) from priority, moved per office', () => {
    const s = computeSchedule(
      facts({ office: 'WO', status: 'filed', filingDate: '2023-08-30', priorityDate: '2022-08-31' }),
      (o) => officeCalendar(o, o === 'EP' ? [{ day: '2025-03-31' }] : [], o === 'US' ? [2025] : []),
    );
    const phase = Object.fromEntries(
      s.deadlines.filter((d) => d.kind === 'national_phase').map((d) => [d.office, [d.dueDate, d.actBy]]),
    );
    expect(phase).toEqual({
      US: ['2025-02-28', '2025-02-28'],
      CN: ['2025-02-28', '2025-02-28'],
      JP: ['2025-02-28', '2025-02-28'],
      EP: ['2025-03-31', '2025-04-01'],
      KR: ['2025-03-31', '2025-03-31'],
    });
  });
});

describe('data problems', () => {
  it('reports a granted matter without a grant date instead of guessing its fees', () => {
    const s = computeSchedule(facts({ office: 'TW', filingDate: '2019-05-20' }), noClosures);
    expect(s.problems).toEqual([{ code: 'grant_date_missing', field: 'grantDate' }]);
    expect(s.deadlines.filter((d) => d.kind === 'annuity')).toHaveLength(0);
  });
  it('lists nothing to pay on a lapsed matter, only its term', () => {
    const s = computeSchedule(
      facts({ office: 'CN', status: 'lapsed', filingDate: '2019-03-10', grantDate: '2021-08-20' }),
      noClosures,
    );
    expect(s.deadlines.map((d) => d.kind)).toEqual(['term_end']);
  });
});

describe('trademark renewals', () => {
  it('renews a Taiwan mark in the 6 months before its 10 years from registration end (Trademark Act arts. 33–34)', () => {
    const d = trademarkDeadlines({
      office: 'TW',
      status: 'registered',
      filingDate: '2013-05-02',
      registrationDate: '2014-01-16',
    });
    expect(d?.[0]).toMatchObject({
      dueDate: '2024-01-15',
      windowOpens: '2023-07-15',
      graceEnds: '2024-07-15',
    });
  });
  it('asks a US mark for the declaration of use between the 5th and 6th year (15 U.S.C. 1058)', () => {
    const d = trademarkDeadlines({
      office: 'US',
      status: 'registered',
      filingDate: '2016-03-01',
      registrationDate: '2017-06-13',
    });
    expect(d?.[0]).toMatchObject({
      kind: 'use_declaration',
      windowOpens: '2022-06-13',
      dueDate: '2023-06-13',
    });
    expect(d?.[1]).toMatchObject({ kind: 'renewal', dueDate: '2027-06-13', windowOpens: '2026-06-13' });
  });
  it('ends an EU mark’s renewal period on the last day of the month its protection ends (EUTMR art. 53(3))', () => {
    const d = trademarkDeadlines({
      office: 'EU',
      status: 'registered',
      filingDate: '2015-04-09',
      registrationDate: null,
    });
    expect(d?.[0]).toMatchObject({ dueDate: '2025-04-30', graceEnds: '2025-10-31' });
  });
  it('refuses to guess for a registered mark without its registration date', () => {
    expect(
      trademarkDeadlines({
        office: 'CN',
        status: 'registered',
        filingDate: '2015-04-09',
        registrationDate: null,
      }),
    ).toBeNull();
  });
});
