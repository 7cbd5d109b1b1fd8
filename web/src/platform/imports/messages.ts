import { type ImportsKey, useImportsT } from './texts.ts';

type ErrorKey = Extract<ImportsKey, `errors.${string}`>;

/**
 * The importers' row messages in the user's language: the server writes them in English (they are also
 * its audit record), the known ones are translated here, others are shown as they are.
 */
const patterns: [RegExp, ErrorKey][] = [
  [/^Required$/, 'errors.required'],
  [/^No employee or contractor worker (.+) at a site where you record training$/, 'errors.unknownPerson'],
  [/^Unknown course (.+)$/, 'errors.unknownCourse'],
  [/^Use a real date as YYYY-MM-DD$/, 'errors.date'],
  [/^The date is in the future$/, 'errors.futureDate'],
  [/^Hours with at most two decimals, under 1000$/, 'errors.hours'],
  [/^Use passed, failed or attended$/, 'errors.result'],
  [/^No site (.+) where you record hours$/, 'errors.unknownSite'],
  [/^Use YYYY-MM$/, 'errors.month'],
  [/^Hours, at most two decimals$/, 'errors.amount'],
  [/^The file has no column "(.+)"$/, 'errors.noColumn'],
  [/^The file has no data rows\.$/, 'errors.noRows'],
  [/^Use the form YYYY-MM-DD$/, 'errors.dateForm'],
  [/^Not a real calendar date$/, 'errors.notADate'],
  [/^Letters, digits and - only$/, 'errors.employeeNo'],
  [/^Not an email address$/, 'errors.email'],
  [/^The leave date cannot be before the hire date$/, 'errors.leaveBeforeHire'],
  [/^Employee number (.+) also appears on row (\d+)$/, 'errors.repeatedNumber'],
  [/^Unknown site (.+)$/, 'errors.unknownSiteCode'],
  [/^You cannot manage people at (.+)$/, 'errors.cannotManageAt'],
  [/^Employee (.+) belongs to a site you cannot manage$/, 'errors.employeeElsewhere'],
  [/^No site (.+) whose placements you manage$/, 'errors.noPlacementSite'],
  [/^No school or institute "(.+)"$/, 'errors.unknownSchool'],
  [/^(\d+) schools are named "(.+)"$/, 'errors.ambiguousSchool'],
  [/^Required, at most 200 characters$/, 'errors.termRequired'],
  [/^Before the start$/, 'errors.beforeStart'],
  [/^A whole number of students from 1 to 100,000$/, 'errors.placementStudents'],
  [/^Whole hours, 0 or more$/, 'errors.wholeHours'],
  [/^At most (\d+): (\d+) hours a student a day over the term$/, 'errors.placementHours'],
  [/^The same placement as row (\d+)$/, 'errors.samePlacement'],
  [/^Already recorded: this school’s placement at the site for the term$/, 'errors.placementRecorded'],
  [/^(.+) is also on row (\d+)$/, 'errors.alsoOnRow'],
  [/^(.+) is already in the portfolio$/, 'errors.inPortfolio'],
  [/^No site (.+) where you manage IP$/, 'errors.noIpSite'],
  [/^No employee (.+) you can see$/, 'errors.unseenEmployee'],
  [/^Required for a new family$/, 'errors.newFamilyNeeds'],
  [/^Differs from family (.+) in the register$/, 'errors.familyDiffers'],
];

export function useRowMessage() {
  const t = useImportsT();
  return (message: string) => {
    for (const [pattern, key] of patterns) {
      const m = pattern.exec(message);
      if (m) return t(key, { value: m[1] ?? '', other: m[2] ?? '' });
    }
    return message;
  };
}
