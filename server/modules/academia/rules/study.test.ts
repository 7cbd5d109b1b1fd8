import { describe, expect, it } from 'vitest';
import { studyPeriodProblem } from './study.ts';

describe('a study-then-internship student’s periods', () => {
  // The NSYSU college's 2022 cohort: a year of study, then two years of internship.
  const cohort = { studyStartedOn: '2022-09-01', studyEndedOn: '2023-06-30', startedOn: '2023-07-01' };

  it('accepts a year of study before the internship, or no study period at all', () => {
    expect(studyPeriodProblem(cohort)).toBeNull();
    expect(studyPeriodProblem({ ...cohort, studyEndedOn: '2023-07-01' })).toBeNull();
    expect(
      studyPeriodProblem({ studyStartedOn: null, studyEndedOn: null, startedOn: '2022-07-01' }),
    ).toBeNull();
  });

  it('names the field that is wrong', () => {
    expect(studyPeriodProblem({ ...cohort, studyEndedOn: null })?.path).toBe('studyEndedOn');
    expect(studyPeriodProblem({ ...cohort, studyStartedOn: null })?.path).toBe('studyStartedOn');
    expect(studyPeriodProblem({ ...cohort, studyEndedOn: '2022-08-31' })?.message).toBe(
      'Before the start of study',
    );
    expect(studyPeriodProblem({ ...cohort, startedOn: '2023-03-01' })?.message).toBe(
      'After the internship began',
    );
  });
});
