// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are whatever the API sent; tests assert on them.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACADEMIA_SEED } from '../../reference/demo/academia.ts';
import { PLACEMENT_SEED } from '../../reference/demo/academia-placements.ts';
import { TEACHING_SEED } from '../../reference/demo/academia-teaching.ts';
import { demoClock } from '../../reference/demo/clock.ts';
import { DEMO_PASSWORD } from '../../reference/demo/users.ts';
import { type ApiClient, createTestApp, databases, type TestApp } from '../support/app.ts';

/** The seed's words hold for a computed value: "over X million" and "nearly N". */
const millions = (cents: number) => Math.round(cents / 100 / 100_000) / 10;

/**
 * The academia seed's 2022 figures (seeds/002; shared/reference/seed-figures.json, academia_2022), computed
 * by the contribution report from the demo's rows, and moving when a row behind them goes; the teaching
 * figures (spil_mentorship, spil_courses, usi_university_courses, students_in_semiconductor_courses) likewise.
 */
describe.each(databases())('demo industry–academia figures of 2022 (%s)', (kind) => {
  let t: TestApp;
  let owner: ApiClient;
  const contribution = async () => {
    const res = await owner.get('/api/academia/contribution', { query: { year: '2022' } });
    expect(res.status).toBe(200);
    return res.body;
  };

  const teachingFigures = async () => {
    const res = await owner.get('/api/academia/courses/figures', { query: { year: '2022' } });
    expect(res.status).toBe(200);
    return res.body;
  };
  const spil = (rows: any[]) => rows.find((r) => r.subsidiaryCode === 'SPIL');

  beforeAll(async () => {
    t = await createTestApp({ kind, demo: { scale: 0.01, clock: demoClock() } });
    owner = await t.signIn('academia.owner@steward.demo', DEMO_PASSWORD);
  });
  afterAll(async () => t?.close());

  it('reproduces the seed figure by figure', async () => {
    const c = await contribution();
    // "contributing over US$5.1 million"
    expect(c.totalUsdCents).toBeGreaterThanOrEqual(5_100_000_00);
    expect(millions(c.totalUsdCents)).toBe(5.1);
    // "US$1.8 million towards 74 technology research collaborations"
    expect(c.researchCollaborations).toBe(74);
    expect(c.researchUsdCents).toBe(ACADEMIA_SEED.researchUsdCents);
    expect(millions(c.researchUsdCents)).toBe(1.8);
    // "US$1.1 million for scholarships"
    expect(millions(c.scholarshipsUsdCents)).toBe(1.1);
    // "recruited 410 interns", USI's 72 on-site interns among them
    expect(c.internsRecruited).toBe(410);
    expect(c.internsBySubsidiary.find((s: any) => s.subsidiaryCode === 'USI').interns).toBe(72);
    // "Nearly 70 schools and research institutions in Taiwan, China, Singapore, Malaysia, South Korea, Japan"
    expect(c.partnersInvolved).toBeLessThan(70);
    expect(c.partnersInvolved).toBeGreaterThanOrEqual(65);
    expect(c.countries).toEqual(['CN', 'JP', 'KR', 'MY', 'SG', 'TW']);
    // The categories add up to the total.
    expect(c.byCategory.reduce((a: number, x: any) => a + x.usdCents, 0)).toBe(c.totalUsdCents);

    // "ASE invested a total of US$0.89 million to support the NSYSU College"
    const nsysu = await owner.get('/api/academia/partners', { query: { q: 'Sun Yat-sen' } });
    const college = await owner.get('/api/academia/payments', {
      query: { partnerId: nsysu.body.items[0].id, category: 'college', year: '2022', pageSize: '500' },
    });
    expect(college.body.items.reduce((a: number, p: any) => a + p.amountMinor, 0)).toBe(890_000_00);

    // 131 packaging research projects since 2012, 44 automation projects since 2015.
    const packaging = await owner.get('/api/academia/projects', {
      query: { line: 'packaging', pageSize: '1', count: 'true' },
    });
    expect(packaging.body.total).toBe(131);
    const automation = await owner.get('/api/academia/projects', {
      query: { line: 'automation', pageSize: '1', count: 'true' },
    });
    expect(automation.body.total).toBe(44);
  });

  it('moves a figure when a row behind it is deleted', async () => {
    const before = await contribution();
    const [payment] = (
      await sql<{
        id: string;
        amount_minor: number;
      }>`select id, amount_minor::int as amount_minor from academia_payments
        where category = 'research' and currency = 'USD' and paid_on between '2022-01-01' and '2022-12-31' limit 1`.execute(
        t.db,
      )
    ).rows;
    await sql`delete from academia_payments where id = ${payment.id}`.execute(t.db);
    const [intern] = (
      await sql<{
        id: string;
      }>`select id from academia_interns where started_on between '2022-01-01' and '2022-12-31' limit 1`.execute(
        t.db,
      )
    ).rows;
    await sql`delete from academia_interns where id = ${intern.id}`.execute(t.db);
    const after = await contribution();
    expect(after.researchUsdCents).toBe(before.researchUsdCents - payment.amount_minor);
    expect(after.totalUsdCents).toBe(before.totalUsdCents - payment.amount_minor);
    expect(after.internsRecruited).toBe(409);
  });

  it('reproduces the teaching figures (courses, mentorships) figure by figure', async () => {
    const f = await teachingFigures();
    // "156 students participated in the University Corporate Mentors program, accumulating 1,131 hours"
    expect(spil(f.mentorshipsBySubsidiary)).toMatchObject({ students: 156, participationHours: 1131 });
    // "133 students participated in these courses, accumulating 7,275 hours of participation"
    expect(spil(f.coursesBySubsidiary)).toMatchObject({ students: 133, participationHours: 7275 });
    // "USI University shared a total of 16 courses, with a cumulative duration of 932 hours"
    expect(f.coursesByProgram.find((p: any) => p.program === 'usi_university')).toMatchObject({
      courses: TEACHING_SEED.usiUniversityCourses,
      hours: TEACHING_SEED.usiUniversityHours,
    });
    // "enrolled 209 students in the semiconductor courses"
    expect(f.semiconductorStudents).toBe(209);
    // The lists show the same rows.
    const usi = await owner.get('/api/academia/courses', {
      query: { program: 'usi_university', year: '2022', pageSize: '50' },
    });
    expect(usi.body.total).toBe(16);
    expect(usi.body.items.reduce((a: number, c: any) => a + c.hours, 0)).toBe(932);
  });

  it('moves a teaching figure when a course or activity behind it is deleted', async () => {
    const before = await teachingFigures();
    const [activity] = (
      await sql<{ id: string; hours: number; students: number }>`
        select a.id, a.hours, a.students from academia_mentorship_activities a
        where a.held_on between '2022-01-01' and '2022-12-31' and a.kind = 'dinner' limit 1`.execute(t.db)
    ).rows;
    const usiCourses = await owner.get('/api/academia/courses', {
      query: { program: 'usi_university', year: '2022', sort: 'hours', pageSize: '1' },
    });
    const course = usiCourses.body.items[0];
    expect(
      (
        await owner.delete(`/api/academia/mentorship-activities/${activity.id}`, {
          query: { version: '1' },
        })
      ).status,
    ).toBe(204);
    expect(
      (
        await owner.delete(`/api/academia/courses/${course.id}`, {
          query: { version: String(course.version) },
        })
      ).status,
    ).toBe(204);
    const after = await teachingFigures();
    expect(spil(after.mentorshipsBySubsidiary).participationHours).toBe(
      spil(before.mentorshipsBySubsidiary).participationHours - activity.hours * activity.students,
    );
    expect(after.coursesByProgram.find((p: any) => p.program === 'usi_university')).toMatchObject({
      courses: 15,
      hours: 932 - course.hours,
    });
    expect(after.semiconductorStudents).toBe(209);
  });
  it('reproduces USI’s internship cooperation apart from the interns recruited', async () => {
    const c = await contribution();
    // "a total of 660 students benefited from the industry-academia internship cooperation, accumulating a
    // total of 54,616 hours of participation"
    const usi = c.internshipCooperation.bySubsidiary.find((s: any) => s.subsidiaryCode === 'USI');
    expect(usi).toMatchObject({ students: 660, participationHours: 54_616 });
    expect(usi.students).toBe(PLACEMENT_SEED.students);
    expect(c.internshipCooperation).toMatchObject({ students: 660, participationHours: 54_616 });
    // A figure of its own: the interns recruited (410, USI's 72 on-site among them, before the test above
    // deleted one) are the intern records that started in the year, without the students placed.
    const interns = await owner.get('/api/academia/interns', {
      query: { year: '2022', pageSize: '1', count: 'true' },
    });
    expect(c.internsRecruited).toBe(interns.body.total);
    expect(c.internsRecruited).toBeLessThan(660);
    const figures = await owner.get('/api/academia/placements/figures', { query: { year: '2022' } });
    expect(figures.status).toBe(200);
    expect(figures.body).toEqual(c.internshipCooperation);
    // The list holds the rows the figure adds up, and they add up to it.
    const list = await owner.get('/api/academia/placements', { query: { year: '2022', pageSize: '500' } });
    expect(list.body.total).toBe(c.internshipCooperation.placements);
    expect(list.body.items.reduce((a: number, p: any) => a + p.students, 0)).toBe(660);
    expect(list.body.items.reduce((a: number, p: any) => a + p.participationHours, 0)).toBe(54_616);
    for (const p of list.body.items) expect(p.siteCode).toMatch(/^USI-/);
    // 2021's placements are counted in 2021.
    const before = await owner.get('/api/academia/placements/figures', { query: { year: '2021' } });
    expect(before.body.students).toBeGreaterThan(0);
    expect(before.body.students).not.toBe(660);
  });

  it('moves the internship cooperation figure when a placement is deleted, and refuses a stale edit', async () => {
    const recruited = (await contribution()).internsRecruited;
    const list = await owner.get('/api/academia/placements', {
      query: { year: '2022', sort: 'students', order: 'desc', pageSize: '1', count: 'true' },
    });
    const p = list.body.items[0];
    const stale = await owner.patch(`/api/academia/placements/${p.id}`, {
      version: p.version + 1,
      students: p.students,
    });
    expect(stale.status).toBe(409);
    const gone = await owner.delete(`/api/academia/placements/${p.id}`, {
      query: { version: String(p.version) },
    });
    expect(gone.status).toBe(204);
    const c = await contribution();
    expect(c.internshipCooperation).toMatchObject({
      placements: list.body.total - 1,
      students: 660 - p.students,
      participationHours: 54_616 - p.participationHours,
    });
    expect(c.internsRecruited).toBe(recruited);
  });

  it('holds the NSYSU college’s 2022 cohort per student: 120, 80 in packaging (65 sponsored), 40 in components', async () => {
    const res = await owner.get('/api/academia/interns/cohorts', { query: { year: '2022' } });
    expect(res.status).toBe(200);
    // "120 students every year - 80 students for the Institute of Advanced Semiconductor Packaging and
    // Testing and 40 students for the Institute of Precision Electronic Components"; "65 out of the 80"
    expect(res.body).toMatchObject({ year: 2022, students: 120, sponsored: 65 });
    expect(res.body.byInstitute).toEqual([
      { program: 'nsysu_college', institute: 'advanced_packaging_testing', students: 80, sponsored: 65 },
      { program: 'nsysu_college', institute: 'precision_electronic_components', students: 40, sponsored: 0 },
    ]);
    // Per student: a year of study, then two of internship, each student a row of the list.
    const students = await owner.get('/api/academia/interns', {
      query: { cohort: '2022', institute: 'advanced_packaging_testing', sponsored: 'true', pageSize: '500' },
    });
    expect(students.body.total).toBe(65);
    for (const i of students.body.items) {
      expect(i).toMatchObject({ program: 'nsysu_college', partnerName: 'National Sun Yat-sen University' });
      expect(i.studyEndedOn <= i.startedOn).toBe(true);
      expect(Number(i.studyEndedOn.slice(0, 4)) - Number(i.studyStartedOn.slice(0, 4))).toBe(1);
      expect(Number(i.endedOn.slice(0, 4)) - Number(i.startedOn.slice(0, 4))).toBe(2);
    }
    // Their internships begin after the year of study: not among 2022's interns recruited.
    const of2022 = await owner.get('/api/academia/interns', {
      query: { year: '2022', program: 'nsysu_college', pageSize: '1' },
    });
    expect(of2022.body.total).toBe(0);
  });

  it('moves the cohort figure when a student’s row goes', async () => {
    const sponsored = await owner.get('/api/academia/interns', {
      query: { cohort: '2022', institute: 'advanced_packaging_testing', sponsored: 'true', pageSize: '1' },
    });
    await sql`delete from academia_interns where id = ${sponsored.body.items[0].id}`.execute(t.db);
    const components = await owner.get('/api/academia/interns', {
      query: { cohort: '2022', institute: 'precision_electronic_components', pageSize: '1' },
    });
    await sql`delete from academia_interns where id = ${components.body.items[0].id}`.execute(t.db);
    const res = await owner.get('/api/academia/interns/cohorts', { query: { year: '2022' } });
    expect(res.body).toMatchObject({ students: 118, sponsored: 64 });
    expect(res.body.byInstitute).toEqual([
      { program: 'nsysu_college', institute: 'advanced_packaging_testing', students: 79, sponsored: 64 },
      { program: 'nsysu_college', institute: 'precision_electronic_components', students: 39, sponsored: 0 },
    ]);
  });

  it('shows ASE Kaohsiung’s officer the former interns proposed as hires, and the one confirmed', async () => {
    const officer = await t.signIn('officer.kh@steward.demo', DEMO_PASSWORD);
    const list = async (status: string) => {
      const res = await officer.get('/api/academia/hire-matches', { query: { status } });
      expect(res.status).toBe(200);
      return res.body.items as any[];
    };
    const proposed = await list('proposed');
    expect(proposed.length).toBeGreaterThanOrEqual(2);
    for (const m of proposed) expect(m).toMatchObject({ siteCode: 'ASE-KH', reason: 'email' });
    const [confirmed] = await list('confirmed');
    expect(confirmed).toBeDefined();
    const intern = await officer.get(`/api/academia/interns/${confirmed.internId}`);
    expect(intern.body).toMatchObject({ hiredEmployeeId: confirmed.employeeId, hiredOn: confirmed.hireDate });
    // Looking again finds nothing new: every demo pair is already proposed.
    const scan = await officer.post('/api/academia/hire-matches/scan', {});
    expect(scan.status).toBe(200);
    expect(scan.body.proposed).toBe(0);
    expect(scan.body.interns).toBeGreaterThanOrEqual(2);
  });

  it('holds the seed’s programs with owners and sites, and what hangs under each', async () => {
    const res = await owner.get('/api/academia/programs', { query: { pageSize: '100', sort: 'code' } });
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(13);
    for (const p of res.body.items) {
      expect(p.owners.map((o: any) => o.displayName)).toContain('Amy Wu');
      expect(p.sites.length).toBeGreaterThan(0);
    }
    const usi = res.body.items.find((p: any) => p.code === 'usi_university');
    expect(usi).toMatchObject({ nameZh: '環旭大學', kind: 'university', activeFrom: 2006 });
    expect(usi.sites.every((s: any) => s.siteCode.startsWith('USI-'))).toBe(true);
    const detail = async (code: string) =>
      (await owner.get(`/api/academia/programs/${res.body.items.find((p: any) => p.code === code).id}`)).body;
    expect((await detail('usi_university')).counts.courses).toBeGreaterThan(0);
    const onsite = await owner.get('/api/academia/interns', {
      query: { program: 'onsite_internship', count: 'true' },
    });
    expect(onsite.body.total).toBeGreaterThan(0);
    expect((await detail('onsite_internship')).counts.interns).toBe(onsite.body.total);
    expect((await detail('packaging')).counts.projects).toBeGreaterThan(0);
    // SPIL's University Corporate Mentors, nine years of them, and ASE Kaohsiung's run under the program record.
    const mentors = await owner.get('/api/academia/mentorships', {
      query: { program: 'corporate_mentorship', pageSize: '100' },
    });
    expect(mentors.body.total).toBe(10);
    expect((await detail('corporate_mentorship')).counts.mentorships).toBe(mentors.body.total);
    // The 2014 cohort is past the retention schedule: shown anonymised, still counted.
    const old = await owner.get('/api/academia/interns', { query: { year: '2014', pageSize: '100' } });
    expect(old.body.items).toHaveLength(12);
    for (const i of old.body.items)
      expect(i).toMatchObject({ fullName: null, email: null, anonymisedOn: '2024-09-02' });
  });
});
