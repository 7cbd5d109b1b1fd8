import { platformMessage } from '../../server/platform/i18n/index.ts';
import { addYears, dayNumber, isoDate, zonedInstant } from './clock.ts';
import { type Context, iso, type SiteInfo, siteById } from './ohs-context.ts';
import { ohsObligation } from './ohs-obligations.ts';
import { OHS_SEED } from './ohs-seed.ts';
import type { DemoSite } from './organisation.ts';
import type { Random } from './random.ts';
import type { CertificationRow } from './rows.ts';

// The seed's ISO 45001 certificates and their renewals, with their renewal obligations.

const ISSUERS: Record<
  DemoSite['subsidiary'],
  { name: string; number: (rng: Random, issued: string) => string }
> = {
  ASE: { name: 'SGS', number: (rng, issued) => `TW${issued.slice(2, 4)}/${rng.digits(5)}` },
  SPIL: { name: 'BSI', number: (rng) => `OHS ${rng.digits(6)}` },
  USI: { name: 'TÜV Rheinland', number: (rng) => `01 213 ${rng.digits(7)}` },
};

function certificateScope(s: DemoSite): string {
  if (s.kind === 'materials') return 'Manufacture of IC substrates and packaging materials';
  if (s.subsidiary === 'USI') return 'Design, manufacture and testing of electronic modules and systems';
  return 'Semiconductor assembly, packaging and testing services';
}

export function generateCertificates(ctx: Context): CertificationRow[] {
  const rng = ctx.root.fork('certificates');
  const clock = ctx.data.clock;
  const chains: CertificationRow[][] = [];
  for (const [facility, issued, until] of OHS_SEED.certificates) {
    const s = ctx.sites.find((x) => x.row.name === facility) as SiteInfo;
    const issuer = ISSUERS[s.demo.subsidiary];
    // The site's officer, or the group OHS office where the site has none: someone is reminded to renew.
    const owner = s.officer ?? ctx.users.ohsOwner;
    const cert = (
      issuedOn: string,
      validUntil: string,
      previous: CertificationRow | null,
    ): CertificationRow => ({
      id: rng.uuid(),
      standard: 'ISO 45001',
      site_id: s.row.id,
      subsidiary_id: null,
      certificate_no: issuer.number(rng, issuedOn),
      issuer: issuer.name,
      scope: certificateScope(s.demo),
      issued_on: issuedOn,
      valid_until: validUntil,
      renewal_in_progress: false,
      owner_id: owner,
      previous_id: previous?.id ?? null,
      created_at: iso(zonedInstant(dayNumber(issuedOn), 10 * 60, s.row.time_zone)),
    });
    const chain = [cert(issued, until, null)];
    // Recertified before each expiry, for three years from it, until the current certificate is valid.
    for (let last = chain[0]; last.valid_until < clock; last = chain[chain.length - 1]) {
      const renewedOn = isoDate(
        Math.max(dayNumber(last.issued_on) + 1, dayNumber(last.valid_until) - rng.int(3, 40)),
      );
      if (renewedOn > clock) break;
      chain.push(cert(renewedOn, addYears(last.valid_until, 3), last));
    }
    chains.push(chain);
  }
  // A few current certificates fall due within 90 days of the clock, so that renewals are chased.
  const current = chains.map((c) => c[c.length - 1]);
  const daysLeft = (c: CertificationRow) => dayNumber(c.valid_until) - ctx.today;
  const due = current.filter((c) => daysLeft(c) >= 0 && daysLeft(c) <= 90).length;
  const later = current
    .filter((c) => daysLeft(c) > 90 && c.previous_id)
    .sort((a, b) => daysLeft(a) - daysLeft(b));
  [35, 60, 82].slice(0, Math.max(0, 3 - due)).forEach((days, i) => {
    if (later[i]) later[i].valid_until = isoDate(ctx.today + days);
  });
  for (const chain of chains) {
    chain.forEach((c, i) => {
      const next = chain[i + 1];
      const s = siteById(ctx, c.site_id);
      ctx.obligations.push(
        ohsObligation(rng, {
          kind: 'certification.renewal',
          source_type: 'certification',
          source_id: c.id,
          site_id: c.site_id,
          owner_id: c.owner_id,
          title: platformMessage('platform.certification.renew', {
            standard: 'ISO 45001',
            holder: s.row.code,
          }),
          due_date: c.valid_until,
          due_at: null,
          state: next ? 'done' : 'open',
          done_at: next ? next.created_at : null,
          created_at: c.created_at,
        }),
      );
    });
  }
  return chains.flat();
}
