import { addDays, dayNumber, isoDate } from './clock.ts';
import type { Random } from './random.ts';

/**
 * The demo's patent matters, drawn so that the portfolio as of 31 January 2024 is the one the group's
 * sustainability report publishes (granted and pending patents by jurisdiction), and each matter's dated
 * statuses lead from its filing to where it stands on the demo's today. Families are filed first in Taiwan or
 * China; a foreign matter claims its family's home filing about a year later.
 */

/** The day the report counts its portfolio. */
export const PORTFOLIO_AS_OF = '2024-01-31';

/** Granted and pending patents by jurisdiction on that day, as the report publishes them. */
export const PUBLISHED_PORTFOLIO = {
  granted: { TW: 2179, US: 2015, CN: 2088, EP: 104, OTHER: 47 },
  pending: { TW: 246, US: 532, CN: 1288, EP: 50, OTHER: 28 },
} as const;

type Bucket = keyof typeof PUBLISHED_PORTFOLIO.granted;
type Event = { status: string; effective_on: string };

export type DemoMatter = {
  /** The first filing of its family. */
  home: boolean;
  /** The home matter whose filing a foreign matter claims (they form one family). */
  parent: DemoMatter | null;
  office: string;
  filing: string;
  publication: string | null;
  grant: string | null;
  status: string;
  events: Event[];
};

/** Months from filing to grant by office (typical pendency), and where "other" jurisdictions file. */
const GRANT_DAYS: Record<string, [number, number]> = {
  TW: [420, 900],
  CN: [540, 1100],
  US: [700, 1200],
  EP: [1100, 1700],
  JP: [800, 1300],
  KR: [700, 1100],
};
const OTHER_OFFICES = ['JP', 'KR'] as const;
const EIGHTEEN_MONTHS = 548;

const between = (rng: Random, from: string, to: string) =>
  isoDate(rng.int(dayNumber(from), Math.max(dayNumber(from), dayNumber(to))));
/** A day between two, more often near the later one: the group files more each year than the year before. */
const growingBetween = (rng: Random, from: string, to: string) => {
  const a = dayNumber(from);
  const b = Math.max(a, dayNumber(to));
  return isoDate(a + Math.floor((b - a) * Math.sqrt(rng.next())));
};

/**
 * One matter's dated statuses from its filing to the demo's today: published at 18 months unless granted first,
 * granted on its grant day, and maybe lapsed or abandoned later, each on its own day.
 */
function lifeOf(
  rng: Random,
  m: {
    office: string;
    filing: string;
    grant: string | null;
    end: 'lapsed' | 'abandoned' | null;
    endOn: string | null;
  },
  clock: string,
): Pick<DemoMatter, 'publication' | 'status' | 'events'> {
  const events: Event[] = [{ status: 'filed', effective_on: m.filing }];
  const published = addDays(m.filing, EIGHTEEN_MONTHS);
  const publication =
    published <= clock && (!m.grant || published < m.grant) && (!m.endOn || published < m.endOn)
      ? published
      : null;
  if (publication) events.push({ status: 'published', effective_on: publication });
  if (!m.grant && publication && m.office !== 'TW') {
    // Examination requested after publication, where offices examine on request.
    const examined = addDays(publication, rng.int(30, 200));
    if (examined <= clock && (!m.endOn || examined < m.endOn))
      events.push({ status: 'under_examination', effective_on: examined });
  }
  if (m.grant) events.push({ status: 'granted', effective_on: m.grant });
  if (m.end && m.endOn) events.push({ status: m.end, effective_on: m.endOn });
  return { publication, status: events[events.length - 1].status, events };
}

/** The home matters (Taiwan, China) and the foreign ones that claim them. */
export function generatePortfolio(rng: Random, clock: string): DemoMatter[] {
  const asOf = PORTFOLIO_AS_OF;
  const asOfDay = dayNumber(asOf);
  const out: DemoMatter[] = [];
  const matter = (
    home: boolean,
    office: string,
    filing: string,
    grant: string | null,
    end: 'lapsed' | 'abandoned' | null,
    endOn: string | null,
  ) => {
    const m = { office, filing, grant, end, endOn };
    const life = lifeOf(rng, m, clock);
    const made: DemoMatter = { home, parent: null, office, filing, grant, ...life };
    out.push(made);
    return made;
  };
  /** After the count: a granted patent may lapse, a pending one be granted or abandoned, before today. */
  const grantedLater = (office: string, filing: string) => {
    const [min, max] = GRANT_DAYS[office] ?? [700, 1200];
    const earliest = addDays(filing, min) > asOf ? addDays(filing, min) : addDays(asOf, 1);
    const day = between(rng, earliest, addDays(filing, max + 400));
    return day <= clock && rng.chance(0.7) ? day : null;
  };
  const lapseAfterCount = () => (rng.chance(0.03) ? between(rng, addDays(asOf, 1), clock) : null);

  // Granted on the day counted, and still in force then: filed long enough before it to have been granted.
  const granted = (office: string, filing: string, home: boolean) => {
    const [min, max] = GRANT_DAYS[office] ?? [700, 1200];
    const grant = between(rng, addDays(filing, min), addDays(filing, max));
    const lapse = lapseAfterCount();
    return matter(home, office, filing, grant > asOf ? asOf : grant, lapse ? 'lapsed' : null, lapse);
  };
  // Pending on the day counted: filed before it, not granted by then.
  const pending = (office: string, filing: string, home: boolean) => {
    const grant = grantedLater(office, filing);
    const abandoned = !grant && rng.chance(0.06) ? between(rng, addDays(asOf, 1), clock) : null;
    return matter(home, office, filing, grant, abandoned ? 'abandoned' : null, abandoned);
  };

  // Home filings: the granted ones from 2004, the pending ones from the three years before the count.
  const homes: DemoMatter[] = [];
  for (const office of ['TW', 'CN'] as const) {
    const latestGrantable = addDays(asOf, -(GRANT_DAYS[office]?.[1] ?? 900));
    for (let i = 0; i < PUBLISHED_PORTFOLIO.granted[office]; i++)
      homes.push(granted(office, growingBetween(rng, '2004-01-05', latestGrantable), true));
    for (let i = 0; i < PUBLISHED_PORTFOLIO.pending[office]; i++)
      homes.push(
        pending(office, between(rng, addDays(asOf, -(GRANT_DAYS[office]?.[0] ?? 420) + 1), asOf), true),
      );
  }

  // Foreign filings claim a home filing of about a year before (one matter per office and family).
  const taken = new Map<DemoMatter, Set<string>>();
  // Day numbers, not date strings: every foreign matter looks through every home filing.
  const homeDays = new Map(homes.map((h) => [h, dayNumber(h.filing)]));
  const claim = (office: string, fits: (homeDay: number) => boolean): DemoMatter => {
    const candidates = homes.filter((h) => fits(homeDays.get(h) ?? 0) && !taken.get(h)?.has(office));
    if (candidates.length === 0) throw new Error(`No home filing fits a foreign ${office} matter`);
    const h = rng.pick(candidates);
    taken.set(h, (taken.get(h) ?? new Set<string>()).add(office));
    return h;
  };
  const foreign = (bucket: Bucket, kind: 'granted' | 'pending') => {
    const count = PUBLISHED_PORTFOLIO[kind][bucket];
    for (let i = 0; i < count; i++) {
      const office = bucket === 'OTHER' ? OTHER_OFFICES[i % OTHER_OFFICES.length] : bucket;
      const [min, max] = GRANT_DAYS[office] ?? [700, 1200];
      const lag = rng.int(300, 364);
      const home =
        kind === 'granted'
          ? claim(office, (d) => d + lag + max <= asOfDay)
          : claim(office, (d) => d + lag <= asOfDay && d + lag + min > asOfDay);
      const made = (kind === 'granted' ? granted : pending)(office, addDays(home.filing, lag), false);
      made.parent = home;
    }
  };
  for (const bucket of ['US', 'EP', 'OTHER'] as const) {
    foreign(bucket, 'granted');
    foreign(bucket, 'pending');
  }

  // Neither granted nor pending on the day counted: abandoned or lapsed before it.
  for (let i = 0; i < 240; i++) {
    const office = rng.chance(0.5) ? 'TW' : 'CN';
    const filing = between(rng, '2006-01-02', '2021-12-31');
    const grant = rng.chance(0.6) ? addDays(filing, rng.int(500, 900)) : null;
    const end = grant ? 'lapsed' : 'abandoned';
    const endOn = between(rng, grant ? addDays(grant, 365) : addDays(filing, 600), addDays(asOf, -1));
    if (endOn < (grant ?? filing) || endOn >= asOf) continue;
    matter(true, office, filing, grant, end, endOn);
  }
  // Filed since the count: pending today, or granted quickly in Taiwan.
  for (let i = 0; i < 900; i++) {
    const office = rng.weighted([
      ['TW', 4],
      ['CN', 4],
      ['US', 3],
      ['EP', 0.5],
    ] as const);
    const filing = between(rng, addDays(asOf, 1), clock);
    const [min] = GRANT_DAYS[office] ?? [700, 1200];
    const grant = addDays(filing, min + rng.int(0, 200));
    matter(true, office, filing, grant <= clock ? grant : null, null, null);
  }
  return out;
}

/** Green patents granted in 2023 by technology, and all granted to the end of 2023, as the report publishes them. */
export const PUBLISHED_GREEN = {
  year: 2023,
  byTechnology: { sip: 37, ic_2_5d_3d: 8, fan_out: 52, mems_sensor: 38 },
  cumulative: 1101,
} as const;
type GreenTechnology = keyof typeof PUBLISHED_GREEN.byTechnology;

/**
 * The families whose technology is green-related, with their technology, chosen so that their matters granted in
 * the report's year and up to its end are the published figures.
 */
export function chooseGreenFamilies(
  portfolio: readonly DemoMatter[],
  rng: Random,
): Map<DemoMatter, GreenTechnology> {
  const { year, byTechnology, cumulative } = PUBLISHED_GREEN;
  const yearEnd = `${year}-12-31`;
  const grants = new Map<DemoMatter, { inYear: number; upToYearEnd: number }>();
  for (const m of portfolio) {
    const home = m.home ? m : (m.parent as DemoMatter);
    const g = grants.get(home) ?? { inYear: 0, upToYearEnd: 0 };
    if (m.grant && m.grant <= yearEnd) {
      g.upToYearEnd++;
      if (m.grant.startsWith(String(year))) g.inYear++;
    }
    grants.set(home, g);
  }
  const families = [...grants.keys()];
  for (let i = families.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [families[i], families[j]] = [families[j], families[i]];
  }
  const chosen = new Map<DemoMatter, GreenTechnology>();
  const take = (
    technology: GreenTechnology,
    wanted: number,
    fits: (g: { inYear: number; upToYearEnd: number }) => number,
  ) => {
    let left = wanted;
    for (const f of families) {
      if (left === 0) break;
      const n = fits(grants.get(f) ?? { inYear: 0, upToYearEnd: 0 });
      if (chosen.has(f) || n === 0 || n > left) continue;
      chosen.set(f, technology);
      left -= n;
    }
    if (left > 0)
      throw new Error(`The demo cannot reach the published green figures (${technology}: ${left} short)`);
  };
  const technologies = Object.keys(byTechnology) as GreenTechnology[];
  for (const t of technologies) take(t, byTechnology[t], (g) => g.inYear);
  const counted = [...chosen.keys()].reduce((a, f) => a + (grants.get(f)?.upToYearEnd ?? 0), 0);
  // Earlier green grants, of families with none in the report's year.
  let rest = cumulative - counted;
  for (const t of technologies) {
    const share = t === technologies.at(-1) ? rest : Math.round(rest / technologies.length);
    take(t, share, (g) => (g.inYear === 0 ? g.upToYearEnd : 0));
    rest -= share;
  }
  return chosen;
}
