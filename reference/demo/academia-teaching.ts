import type { DemoDataset } from './generate.ts';
import type { Random } from './random.ts';

/**
 * The industry–academia demo's teaching: the courses and mentorship programs behind the seed's 2022 figures
 * (seeds/002): SPIL's University Corporate Mentors with NCHU, nine years running ("In 2022, a total of 156
 * students participated …, accumulating 1,131 hours of participation"); SPIL's Semiconductor Assembly
 * Materials and Processes course with NCHU since 2016 and with Feng Chia University from 2022 ("133 students
 * participated in these courses, accumulating 7,275 hours"); USI University's courses ("16 courses, with a
 * cumulative duration of 932 hours"); and ASE's semiconductor assembly and manufacturing education courses,
 * which with SPIL's make the "209 students in the semiconductor courses". The teaching figures compute each
 * from these rows.
 */
export const TEACHING_SEED = {
  year: 2022,
  spilMentorshipStudents: 156,
  spilMentorshipHours: 1131,
  spilCourseStudents: 133,
  spilCourseHours: 7275,
  usiUniversityCourses: 16,
  usiUniversityHours: 932,
  semiconductorStudents: 209,
} as const;

type Row = Record<string, unknown>;
type Site = DemoDataset['sites'][number];
type Partner = { id: string; sites: readonly Site[] };
export type TeachingRows = { courses: Row[]; mentorships: Row[]; activities: Row[] };

const pad = (n: number) => String(n).padStart(2, '0');
const day = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

/** 2022's University Corporate Mentors activities: [kind, month, day, hours, students taking part]. */
const MENTOR_ACTIVITIES_2022: [string, number, number, number, number][] = [
  ['forum', 3, 26, 3, 140], // the semiconductor engineering workforce forum
  ['line_tour', 4, 23, 2, 156],
  ['dinner', 5, 20, 2, 120],
  ['career_talk', 10, 15, 2, 45], // graduate students' work-life experiences
  ['competition', 11, 26, 3, 23], // Team Silicon Adventure
];

/** USI University's 2022 courses: titles of the seed's themes, each with its hours (932 in all). */
const USI_UNIVERSITY_2022: [string, string, number][] = [
  ['DISC personality assessment and teamwork', 'career', 56],
  ['Career planning for engineers', 'career', 60],
  ['Talent selection and interviews', 'career', 52],
  ['Corporate competitiveness', 'management', 64],
  ['Industry–academia experience sharing', 'career', 48],
  ['Project management essentials', 'management', 62],
  ['Lean manufacturing', 'management', 60],
  ['Quality management systems', 'management', 58],
  ['System-in-package technology trends', 'other', 66],
  ['Electronics manufacturing services today', 'other', 58],
  ['Smart factory and IIoT', 'other', 62],
  ['Supply chain management', 'management', 56],
  ['Financial literacy for new graduates', 'career', 50],
  ['Communication and presentation', 'career', 54],
  ['ESG and sustainability in electronics', 'management', 60],
  ['Workplace ethics and compliance', 'career', 66],
];

export function generateTeaching(
  data: DemoDataset,
  rng: Random,
  byName: (name: string) => Partner,
  stamp: Row,
): TeachingRows {
  const id = () => rng.uuid();
  const out: TeachingRows = { courses: [], mentorships: [], activities: [] };
  const lecturersAt = (site: Site, n: number) =>
    data.employees
      .filter((e) => e.site_id === site.id && e.hire_date < '2016-01-01')
      .slice(0, n)
      .map((e) => e.id);

  const course = (o: {
    site: Site;
    partner: Partner | null;
    program: string;
    subject: string;
    title: string;
    startsOn: string;
    endsOn: string;
    hours: number;
    students: number;
    score: string | null;
  }) =>
    out.courses.push({
      id: id(),
      site_id: o.site.id,
      partner_id: o.partner?.id ?? null,
      program: o.program,
      subject: o.subject,
      title: o.title,
      lecturer_employee_ids: lecturersAt(o.site, 2),
      starts_on: o.startsOn,
      ends_on: o.endsOn,
      hours: o.hours,
      students: o.students,
      feedback_score: o.score,
      feedback_comments: null,
      ...stamp,
    });

  // ---- SPIL: Semiconductor Assembly Materials and Processes, with NCHU since 2016 and with FCU from 2022.
  const nchu = byName('National Chung Hsing University');
  const fcu = byName('Feng Chia University');
  const spilTitle = 'Semiconductor Assembly Materials and Processes';
  for (let y = 2016; y <= 2023; y++) {
    // 2022: NCHU's spring term (102 students × 54 hours) and FCU's autumn term (31 × 57): 133 students and
    // 7,275 hours of participation.
    course({
      site: nchu.sites[0],
      partner: nchu,
      program: 'practical_training',
      subject: 'semiconductor',
      title: spilTitle,
      startsOn: day(y, 2, 14),
      endsOn: day(y, 6, 17),
      hours: 54,
      students: y === 2022 ? 102 : 60 + ((y * 7) % 35),
      score: (4 + ((y % 5) + 3) / 10).toFixed(2),
    });
    if (y >= 2022)
      course({
        site: fcu.sites[0],
        partner: fcu,
        program: 'practical_training',
        subject: 'semiconductor',
        title: spilTitle,
        startsOn: day(y, 9, 12),
        endsOn: day(y + 1, 1, 13),
        hours: 57,
        students: y === 2022 ? 31 : 38,
        score: '4.30',
      });
  }

  // ---- ASE Kaohsiung: the Semiconductor Assembly and Manufacturing Education Program's courses (76 students).
  const nsysu = byName('National Sun Yat-sen University');
  const nkust = byName('National Kaohsiung University of Science and Technology');
  for (const [partner, students] of [
    [nsysu, 36],
    [nkust, 40],
  ] as const)
    course({
      site: partner.sites[0],
      partner,
      program: 'semiconductor_education',
      subject: 'semiconductor',
      title: 'Semiconductor assembly and manufacturing practice',
      startsOn: day(2022, 9, 5),
      endsOn: day(2022, 12, 30),
      hours: 36,
      students,
      score: '4.40',
    });
  // The AI colleges' courses: not semiconductor courses.
  course({
    site: nsysu.sites[0],
    partner: nsysu,
    program: 'ai_college',
    subject: 'ai',
    title: 'Industrial AI in practice',
    startsOn: day(2022, 9, 5),
    endsOn: day(2022, 12, 30),
    hours: 36,
    students: 45,
    score: '4.20',
  });

  // ---- USI University: its 16 courses of 2022 (932 hours), and 2021's.
  const usiSite = data.sites.find((s) => s.code === 'USI-NT');
  if (!usiSite) throw new Error('No USI-NT site in the demo');
  const nycu = byName('National Yang Ming Chiao Tung University');
  USI_UNIVERSITY_2022.forEach(([title, subject, hours], n) => {
    course({
      site: usiSite,
      partner: n % 4 === 0 ? nycu : null,
      program: 'usi_university',
      subject,
      title,
      startsOn: day(2022, 3 + (n % 9), 1 + ((n * 3) % 20)),
      endsOn: day(2022, 3 + (n % 9), 25),
      hours,
      students: 25 + ((n * 11) % 30),
      score: (4 + (n % 8) / 10).toFixed(2),
    });
    if (n < 14)
      course({
        site: usiSite,
        partner: null,
        program: 'usi_university',
        subject,
        title,
        startsOn: day(2021, 3 + (n % 9), 1 + ((n * 3) % 20)),
        endsOn: day(2021, 3 + (n % 9), 25),
        hours,
        students: 20 + ((n * 7) % 25),
        score: null,
      });
  });

  // ---- SPIL: University Corporate Mentors with NCHU, nine consecutive years (2014–2022).
  const mentorSite = nchu.sites[0];
  for (let y = 2014; y <= 2022; y++) {
    const students = y === 2022 ? TEACHING_SEED.spilMentorshipStudents : 90 + ((y * 13) % 50);
    const mentorship = {
      id: id(),
      site_id: mentorSite.id,
      partner_id: nchu.id,
      title: `University Corporate Mentors ${y}`,
      program: 'corporate_mentorship',
      mentor_employee_ids: lecturersAt(mentorSite, 3),
      starts_on: day(y, 3, 1),
      ends_on: day(y, 12, 31),
      students,
      ...stamp,
    };
    out.mentorships.push(mentorship);
    const plan =
      y === 2022
        ? MENTOR_ACTIVITIES_2022
        : MENTOR_ACTIVITIES_2022.slice(0, 3).map(
            ([kind, m, d, hours]) =>
              [kind, m, d, hours, students - 10] as [string, number, number, number, number],
          );
    for (const [kind, m, d, hours, participating] of plan)
      out.activities.push({
        id: id(),
        mentorship_id: mentorship.id,
        site_id: mentorSite.id,
        kind,
        held_on: day(y, m, d),
        hours,
        students: participating,
        ...stamp,
      });
  }

  // ---- ASE Kaohsiung: a mentorship of its own with the same university (2023), so its officer has one too.
  const kh = data.sites.find((s) => s.code === 'ASE-KH');
  if (kh)
    out.mentorships.push({
      id: id(),
      site_id: kh.id,
      partner_id: nchu.id,
      title: 'Packaging Engineering Mentors 2023',
      program: 'corporate_mentorship',
      mentor_employee_ids: lecturersAt(kh, 2),
      starts_on: day(2023, 3, 1),
      ends_on: day(2023, 12, 31),
      students: 40,
      ...stamp,
    });
  return out;
}
