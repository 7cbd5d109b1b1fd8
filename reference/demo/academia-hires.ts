import type { DemoDataset } from './generate.ts';

type Row = Record<string, unknown>;
type Partner = { id: string; sites: DemoDataset['sites'] };

/**
 * Former interns of ASE Kaohsiung whom later employee records name by e-mail: the matches Steward proposed,
 * one of them confirmed by the site's university-relations officer (so the intern's hire is linked) and the
 * others waiting for a decision: the site's latest hires with an e-mail, each an intern the year before (never
 * 2022, whose interns are the seed's figures).
 */
export function generateFormerInternHires(
  data: DemoDataset,
  partners: Partner[],
  taken: Set<string>,
  id: () => string,
  stamp: Row,
): { interns: Row[]; hireMatches: Row[] } {
  const kh = data.sites.find((s) => s.code === 'ASE-KH');
  if (!kh) throw new Error('No demo site ASE-KH');
  const near = partners.filter((p) => p.sites.includes(kh));
  const officer = data.users.find((u) => u.email === 'officer.kh@steward.demo');
  if (!officer) throw new Error('No demo user officer.kh@steward.demo');
  const hires = data.employees
    .filter(
      (e) =>
        e.site_id === kh.id &&
        e.email &&
        !taken.has(e.id) &&
        e.hire_date > '2020-09-01' &&
        e.hire_date < data.clock,
    )
    .sort((a, b) => (a.hire_date > b.hire_date ? -1 : a.hire_date < b.hire_date ? 1 : a.id < b.id ? -1 : 1))
    .slice(0, 3);
  if (hires.length < 3) throw new Error('Too few employees at ASE-KH for the former interns');
  const interns: Row[] = [];
  const hireMatches: Row[] = [];
  hires.forEach((e, n) => {
    taken.add(e.id);
    const confirmed = n === 0;
    const internId = id();
    const proposedAt = `${e.hire_date}T18:50:00.000Z`;
    const hired = Number(e.hire_date.slice(0, 4));
    const year = hired - 1 === 2022 ? 2021 : hired - 1;
    interns.push({
      id: internId,
      site_id: kh.id,
      partner_id: near[n % near.length].id,
      full_name: e.full_name,
      // Typed by the school's office, not by HR: the case differs, the address is the same.
      email: n === 1 ? String(e.email).toUpperCase() : e.email,
      program: 'cooperative_education',
      started_on: `${year}-07-01`,
      ended_on: `${year}-08-31`,
      hours: 320,
      outcome: 'completed',
      hired_employee_id: confirmed ? e.id : null,
      hired_on: confirmed ? e.hire_date : null,
      anonymised_on: null,
      ...stamp,
    });
    hireMatches.push({
      id: id(),
      site_id: kh.id,
      intern_id: internId,
      employee_id: e.id,
      employee_site_id: e.site_id,
      reason: 'email',
      proposed_at: proposedAt,
      status: confirmed ? 'confirmed' : 'proposed',
      decided_by: confirmed ? officer.id : null,
      decided_at: confirmed ? proposedAt.replace('T18:50', 'T23:30') : null,
      ...stamp,
    });
  });
  return { interns, hireMatches };
}
