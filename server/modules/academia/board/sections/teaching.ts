import { figure, type Words } from '../../../../platform/reports/board.ts';
import type { AcademiaBoardSection } from '../section.ts';

const words: Words<{
  heading: string;
  courses: string;
  hours: string;
  students: string;
  participation: string;
  semiconductor: string;
  programs: string;
  mentees: string;
  activities: string;
  mentorshipHours: string;
  hoursUnit: string;
  counted: string;
}> = {
  en: {
    heading: 'Courses and mentorships',
    courses: 'Courses given',
    hours: 'Course hours',
    students: 'Students enrolled',
    participation: 'Hours of participation in courses',
    semiconductor: 'Students in semiconductor courses',
    programs: 'Mentorship programs',
    mentees: 'Students mentored',
    activities: 'Mentorship activities',
    mentorshipHours: 'Hours of participation in mentorship activities',
    hoursUnit: 'h',
    counted:
      'Courses count in the year their term starts (hours are the course’s own, participation hours students × hours); a mentorship program counts in the year its term starts, an activity in the year it is held. At the sites you see; none is a zero.',
  },
  'zh-TW': {
    heading: '課程與業師輔導',
    courses: '開設課程數',
    hours: '課程時數',
    students: '修課學生數',
    participation: '修課參與時數',
    semiconductor: '半導體課程學生數',
    programs: '業師輔導計畫數',
    mentees: '受輔導學生數',
    activities: '輔導活動數',
    mentorshipHours: '輔導活動參與時數',
    hoursUnit: '小時',
    counted:
      '課程依學期開始年度計（時數為課程本身時數，參與時數為學生數 × 時數）；業師輔導計畫依開始年度計，活動依舉辦年度計。以您可見廠區為限；無者為零。',
  },
};

/** Courses given and mentorship programs run in the year, with their students and hours. */
export const teachingSection: AcademiaBoardSection = {
  key: 'teaching',
  async build(ctx) {
    const w = words[ctx.locale];
    const t = await ctx.teaching.year(ctx.actor, ctx.year);
    const hours = { unit: w.hoursUnit };
    return {
      key: this.key,
      heading: w.heading,
      figures: [
        figure('courses', w.courses, t.courses.courses),
        figure('hours', w.hours, t.courses.hours, hours),
        figure('students', w.students, t.courses.students),
        figure('participationHours', w.participation, t.courses.participationHours, hours),
        figure('semiconductorStudents', w.semiconductor, t.semiconductorStudents),
        figure('mentorshipPrograms', w.programs, t.mentorships.programs),
        figure('mentees', w.mentees, t.mentorships.students),
        figure('activities', w.activities, t.mentorships.activities),
        figure('mentorshipHours', w.mentorshipHours, t.mentorships.participationHours, hours),
      ],
      notes: [w.counted],
    };
  },
};
