import type { Deadline } from './rules/deadlines.ts';

/**
 * Every text the IP program writes on its own (obligation titles), in one place: when the platform's message
 * keys land, these become keys of the module's catalogue with the same parameters.
 */
export const ipMessages = {
  deadlineTitle(
    d: Pick<Deadline, 'kind' | 'office' | 'year'>,
    applicationNo: string,
    reference: string,
  ): string {
    switch (d.kind) {
      case 'priority':
        return `Last day to file abroad claiming priority of ${d.office} ${applicationNo} (${reference})`;
      case 'national_phase':
        return `Enter the national phase in ${d.office}: ${applicationNo} (${reference})`;
      default:
        return `Pay the year ${d.year} fee of ${d.office} ${applicationNo} (${reference})`;
    }
  },
  trademarkTitle(
    kind: 'renewal' | 'use_declaration',
    office: string,
    mark: string,
    applicationNo: string,
  ): string {
    return kind === 'renewal'
      ? `Renew the trademark ${mark} in ${office} (${applicationNo})`
      : `File the declaration of use of ${mark} in ${office} (${applicationNo})`;
  },
};
