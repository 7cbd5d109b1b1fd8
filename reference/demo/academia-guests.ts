import type { AcademiaDataset } from './academia.ts';
import type { DemoDataset } from './generate.ts';
import { DEMO_GUESTS } from './users.ts';

type Row = Record<string, unknown>;

const STUDENT = 'student@steward.demo';
const PROFESSOR = 'professor@steward.demo';

/**
 * The demo's people outside the company get their own records (the platform's external role): the student the
 * latest internship at ASE Kaohsiung of a student the demo does not hire, which then carries her name and e-mail, and the professor the latest
 * research project there still under way. Record grants, as the program's staff would give them.
 */
export function guestGrants(data: DemoDataset, a: AcademiaDataset): Row[] {
  const kh = data.sites.find((s) => s.code === 'ASE-KH');
  if (!kh) throw new Error('No ASE-KH site in the demo');
  const user = (email: string) => {
    const found = data.users.find((u) => u.email === email);
    if (!found) throw new Error(`No demo sign-in ${email}`);
    return found;
  };
  const officer = user('officer.kh@steward.demo');
  const latest = (rows: Row[], day: string, keep: (r: Row) => boolean) =>
    rows
      .filter((r) => r.site_id === kh.id && keep(r))
      .sort(
        (x, y) => String(y[day]).localeCompare(String(x[day])) || String(x.id).localeCompare(String(y.id)),
      )[0];
  // Not a former intern the demo hires (the proposed hires pair each with an employee of the same name).
  const matched = new Set(a.hireMatches.map((m) => m.intern_id));
  const internship = latest(
    a.interns,
    'started_on',
    (r) => r.outcome !== 'withdrawn' && !r.anonymised_on && !r.hired_employee_id && !matched.has(r.id),
  );
  const project = latest(a.projects, 'starts_on', (r) => r.status === 'active');
  if (!internship || !project)
    throw new Error('No internship or research project at ASE-KH for the demo guests');
  const student = user(STUDENT);
  const guest = DEMO_GUESTS.find((g) => g.email === STUDENT);
  internship.full_name = guest?.displayName ?? student.display_name;
  internship.email = STUDENT;
  const grant = (userId: string, recordType: string, record: Row, n: number): Row => ({
    id: `6e57a000-0000-4000-8000-00000000000${n}`,
    user_id: userId,
    record_type: recordType,
    record_id: record.id,
    site_id: kh.id,
    created_at: '2026-01-05T01:00:00.000Z',
    created_by: officer.id,
  });
  return [
    grant(student.id, 'academia_intern', internship, 1),
    grant(user(PROFESSOR).id, 'academia_project', project, 2),
  ];
}
