import type { z } from 'zod';
import { coursePrograms, type teachingFigures } from '#shared/modules/academia/teaching-contract.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { access } from '../../platform/access/service.ts';
import { type AcademiaDeps, num, PROGRAM } from './deps.ts';
import * as repo from './teaching-repo.ts';

type Figures = z.infer<typeof teachingFigures>;
type CourseTotals = Figures['courses'];
type MentorshipTotals = Figures['mentorships'];

const noCourses = (): CourseTotals => ({ courses: 0, hours: 0, students: 0, participationHours: 0 });
const noMentorships = (): MentorshipTotals => ({
  programs: 0,
  students: 0,
  activities: 0,
  participationHours: 0,
});

/**
 * The year's teaching figures, computed from the rows at the reader's sites (seeds/002, 2022):
 * - a course counts in the year its term starts; its hours are its own duration ("USI University shared a
 *   total of 16 courses, with a cumulative duration of 932 hours": courses and their hours added up), its
 *   students the students enrolled, its participation hours students × hours ("133 students participated in
 *   these courses, accumulating 7,275 hours of participation", SPIL's courses);
 * - the semiconductor courses' students are enrolments in the year's courses whose subject is semiconductors,
 *   at every subsidiary ("enrolled 209 students in the semiconductor courses");
 * - a mentorship program counts, with its mentees, in the year its term starts ("156 students participated
 *   in the University Corporate Mentors program"), and an activity in the year it is held, its participation
 *   hours being hours × students taking part ("accumulating 1,131 hours of participation").
 */
export function createTeachingFiguresService(deps: AcademiaDeps) {
  return {
    async year(actor: Actor, year: number): Promise<Figures> {
      const scope = access.listScope(actor, 'academia.read', PROGRAM);
      const totals = await repo.teachingTotals(deps.db, scope, year);
      const labels = await deps.org.siteLabels([
        ...totals.courses.map((r) => r.site_id),
        ...totals.mentorships.map((r) => r.site_id),
        ...totals.activities.map((r) => r.site_id),
      ]);
      const subsidiaryOf = (siteId: string) => {
        const code = labels.get(siteId)?.subsidiaryCode;
        if (!code) throw new Error(`Site ${siteId} has no subsidiary`);
        return code;
      };

      const courses = noCourses();
      const bySubsidiary = new Map<string, CourseTotals>();
      const byProgram = new Map(coursePrograms.map((p) => [p, noCourses()]));
      let semiconductorStudents = 0;
      for (const r of totals.courses) {
        const add = {
          courses: num(r.courses),
          hours: num(r.hours),
          students: num(r.students),
          participationHours: num(r.participation_hours),
        };
        const subsidiary = subsidiaryOf(r.site_id);
        const sub = bySubsidiary.get(subsidiary) ?? noCourses();
        bySubsidiary.set(subsidiary, sub);
        for (const t of [courses, sub, byProgram.get(r.program) as CourseTotals]) {
          t.courses += add.courses;
          t.hours += add.hours;
          t.students += add.students;
          t.participationHours += add.participationHours;
        }
        if (r.subject === 'semiconductor') semiconductorStudents += add.students;
      }

      const mentorships = noMentorships();
      const mentorshipsBySubsidiary = new Map<string, MentorshipTotals>();
      const mentorshipsOf = (siteId: string) => {
        const code = subsidiaryOf(siteId);
        const entry = mentorshipsBySubsidiary.get(code) ?? noMentorships();
        mentorshipsBySubsidiary.set(code, entry);
        return entry;
      };
      for (const r of totals.mentorships)
        for (const t of [mentorships, mentorshipsOf(r.site_id)]) {
          t.programs += num(r.programs);
          t.students += num(r.students);
        }
      for (const r of totals.activities)
        for (const t of [mentorships, mentorshipsOf(r.site_id)]) {
          t.activities += num(r.activities);
          t.participationHours += num(r.participation_hours);
        }

      const bySubsidiaryCode = (a: { subsidiaryCode: string }, b: { subsidiaryCode: string }) =>
        a.subsidiaryCode.localeCompare(b.subsidiaryCode);
      return {
        year,
        courses,
        coursesBySubsidiary: [...bySubsidiary.entries()]
          .map(([subsidiaryCode, t]) => ({ subsidiaryCode, ...t }))
          .sort(bySubsidiaryCode),
        coursesByProgram: [...byProgram.entries()]
          .filter(([, t]) => t.courses > 0)
          .map(([program, t]) => ({ program, ...t })),
        semiconductorStudents,
        mentorships,
        mentorshipsBySubsidiary: [...mentorshipsBySubsidiary.entries()]
          .map(([subsidiaryCode, t]) => ({ subsidiaryCode, ...t }))
          .sort(bySubsidiaryCode),
      };
    },
  };
}

export type TeachingFiguresService = ReturnType<typeof createTeachingFiguresService>;
