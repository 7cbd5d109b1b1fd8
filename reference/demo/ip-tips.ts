import { platformMessage } from '../../server/platform/i18n/index.ts';
import { addDays, dayNumber, zonedInstant } from './clock.ts';
import type { DemoDataset } from './generate.ts';
import type { Random } from './random.ts';

type Row = Record<string, unknown>;

const STANDARD = 'TIPS';
const HOLDER = 'ASE';
const TAIPEI = 'Asia/Taipei';
/** The seed's renewal: applied for on 4 November 2022, for the two years to 31 December 2024. */
const SEED_RENEWAL = { filedOn: '2022-11-04', from: '2023-01-01', until: '2024-12-31' };

/**
 * The TIPS (Taiwan Intellectual Property Management System) A Class certificate of Advanced Semiconductor
 * Engineering, Inc., as the IP seed tells it: a two-year term renewed on an application filed on 4 November
 * 2022, valid to 31 December 2024. The term before it and those after it follow the same calendar, each renewal
 * applied for early in the November before the term ends; a term whose application is filed by the demo's
 * clock is being renewed. Each term carries the platform's renewal obligation, done on the day its renewal was
 * applied for.
 */
export function generateTipsCertificates(
  data: DemoDataset,
  rng: Random,
): { certificates: Row[]; obligations: Row[] } {
  const subsidiary = data.subsidiaries.find((s) => s.code === HOLDER);
  const owner = data.users.find((u) => u.email === 'ip.owner@steward.demo');
  if (!subsidiary || !owner) return { certificates: [], obligations: [] };
  const firstYear = Number(SEED_RENEWAL.from.slice(0, 4)) - 2;
  const terms: { from: string; until: string; filedOn: string | null }[] = [];
  for (let year = firstYear; `${year}-01-01` <= data.clock; year += 2) {
    const until = `${year + 1}-12-31`;
    // The seed's day for the 2022 application; other years' on a working day early in November.
    const filedOn =
      year + 1 === 2022 ? SEED_RENEWAL.filedOn : `${year + 1}-11-${String(rng.int(3, 10)).padStart(2, '0')}`;
    terms.push({ from: `${year}-01-01`, until, filedOn: filedOn <= data.clock ? filedOn : null });
  }
  const certificates: Row[] = [];
  const obligations: Row[] = [];
  const at = (date: string) => zonedInstant(dayNumber(date), 10 * 60, TAIPEI).toISOString();
  let previous: { id: string; filedOn: string | null } | null = null;
  for (const [i, term] of terms.entries()) {
    const id = rng.uuid();
    const next = terms[i + 1];
    certificates.push({
      id,
      standard: STANDARD,
      site_id: null,
      subsidiary_id: subsidiary.id,
      certificate_no: `TIPS-A-${term.from.slice(0, 4)}-${rng.digits(4)}`,
      issuer: 'Industrial Development Administration, MOEA',
      scope: 'TIPS A Class: intellectual property management of the company',
      issued_on: term.from,
      valid_until: term.until,
      // Applied for, not yet granted: the term the clock is in, once its application is filed.
      renewal_in_progress: !next && term.filedOn !== null,
      owner_id: owner.id,
      previous_id: previous?.id ?? null,
      // Recorded on the day its renewal was applied for; the first term some weeks before it began.
      created_at: at(previous?.filedOn ?? addDays(term.from, -rng.int(20, 40))),
    });
    obligations.push({
      id: rng.uuid(),
      kind: 'certification.renewal',
      source_type: 'certification',
      source_id: id,
      site_id: null,
      program: 'ip',
      owner_id: owner.id,
      title: null,
      ...titleOf(platformMessage('platform.certification.renew', { standard: STANDARD, holder: HOLDER })),
      due_date: term.until,
      due_at: null,
      state: next ? 'done' : 'open',
      done_at: next && term.filedOn ? at(term.filedOn) : null,
      created_at: at(previous?.filedOn ?? term.from),
    });
    previous = { id, filedOn: term.filedOn };
  }
  return { certificates, obligations };
}

function titleOf(message: { key: string; params?: Record<string, unknown> }) {
  return { title_key: message.key, title_params: message.params ?? {} };
}
