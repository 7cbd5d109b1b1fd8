import { renderMessage } from '../../../../platform/i18n/message.ts';
import { figure, type Words } from '../../../../platform/reports/board.ts';
import { academiaWord } from '../../messages.ts';
import type { AcademiaBoardSection } from '../section.ts';

const words: Words<{
  heading: string;
  students: string;
  hours: string;
  placements: string;
  bySubsidiary: string;
  subsidiary: string;
  cohort: string;
  sponsored: string;
  byInstitute: string;
  institute: string;
  noInstitute: string;
  noPlacement: string;
  noCohort: string;
  counted: string;
}> = {
  en: {
    heading: 'Internship cooperation and the college cohort',
    students: 'Students placed in internship cooperation',
    hours: 'Hours of internship cooperation',
    placements: 'Placements by schools',
    bySubsidiary: 'Internship cooperation by subsidiary',
    subsidiary: 'Subsidiary',
    cohort: 'College students whose study began in the year',
    sponsored: 'Of them, sponsored by the company',
    byInstitute: 'The cohort by institute',
    institute: 'Institute',
    noInstitute: 'Without an institute',
    noPlacement: 'No school placed students at the sites you see in the year.',
    noCohort: 'No college student began study in the year at the sites you see.',
    counted:
      'Internship cooperation counts the students that schools placed at the sites you see, in the year the term starts; they are not among the interns recruited. The cohort counts, student by student, those whose year of study began in the year.',
  },
  'zh-TW': {
    heading: '建教合作與學院學生',
    students: '建教合作學生人數',
    hours: '建教合作參與時數',
    placements: '學校安排之建教合作梯次',
    bySubsidiary: '各子公司建教合作',
    subsidiary: '子公司',
    cohort: '本年度開始修業之學院學生',
    sponsored: '其中由公司資助',
    byInstitute: '各研究所學生',
    institute: '研究所',
    noInstitute: '未分研究所',
    noPlacement: '您可見之廠區本年度無學校安排建教合作學生。',
    noCohort: '您可見之廠區本年度無開始修業之學院學生。',
    counted:
      '建教合作依學期開始年度，計學校安排至您可見廠區之學生，不計入招募實習生；學院學生逐一計算本年度開始修業者。',
  },
};

/** USI's internship cooperation (students and hours that schools placed) and the college cohort of the year. */
export const cooperationSection: AcademiaBoardSection = {
  key: 'cooperation',
  async build(ctx) {
    const w = words[ctx.locale];
    const placed = await ctx.placements.year(ctx.actor, ctx.year);
    const cohort = await ctx.interns.cohorts(ctx.actor, ctx.year);
    const institute = (code: string | null) =>
      code === null
        ? w.noInstitute
        : renderMessage(ctx.locale, academiaWord('academia.collegeInstitute', code));
    return {
      key: this.key,
      heading: w.heading,
      figures: [
        figure('students', w.students, placed.students),
        figure('hours', w.hours, placed.participationHours),
        figure('placements', w.placements, placed.placements),
        figure('cohort', w.cohort, cohort.students),
        figure('sponsored', w.sponsored, cohort.sponsored),
      ],
      tables: [
        {
          key: 'cooperation_by_subsidiary',
          title: w.bySubsidiary,
          columns: [
            { header: w.subsidiary, format: 'text' },
            { header: w.students, format: 'integer' },
            { header: w.hours, format: 'integer' },
          ],
          rows: placed.bySubsidiary.map((s) => [s.subsidiaryCode, s.students, s.participationHours]),
          emptyText: w.noPlacement,
        },
        {
          key: 'cohort_by_institute',
          title: w.byInstitute,
          columns: [
            { header: w.institute, format: 'text' },
            { header: w.cohort, format: 'integer' },
            { header: w.sponsored, format: 'integer' },
          ],
          rows: cohort.byInstitute.map((i) => [institute(i.institute), i.students, i.sponsored]),
          emptyText: w.noCohort,
        },
      ],
      notes: [w.counted],
    };
  },
};
