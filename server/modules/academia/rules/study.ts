/** A field and what is wrong with it, for a 422 naming the field. */
export type FieldProblem = { path: string; message: string };

/**
 * A study-then-internship student's periods (the NSYSU college: "one year of academic studies at the university
 * and two years of practical internships at companies", seeds/002): the study has both its days or neither,
 * ends no earlier than it starts, and ends before the internship starts (by the day it starts at the latest).
 */
export function studyPeriodProblem(p: {
  studyStartedOn: string | null;
  studyEndedOn: string | null;
  startedOn: string;
}): FieldProblem | null {
  if (p.studyStartedOn === null && p.studyEndedOn === null) return null;
  if (p.studyStartedOn === null) return { path: 'studyStartedOn', message: 'Required with the end of study' };
  if (p.studyEndedOn === null) return { path: 'studyEndedOn', message: 'Required with the start of study' };
  if (p.studyEndedOn < p.studyStartedOn)
    return { path: 'studyEndedOn', message: 'Before the start of study' };
  if (p.studyEndedOn > p.startedOn) return { path: 'studyEndedOn', message: 'After the internship began' };
  return null;
}
