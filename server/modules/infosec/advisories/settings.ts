import type { z } from 'zod';
import {
  type AdvisorySeverity,
  type DueDays,
  dueDaysInput,
} from '#shared/modules/infosec/advisories/contract.ts';
import { defineSetting } from '../../../platform/settings/service.ts';

/**
 * Days a routed site has to answer an advisory, by severity: the group's own policy, set by the CISO office
 * (these defaults until it sets one).
 */
export const dueDaysSetting = defineSetting<DueDays>({
  key: 'infosec.advisory_due_days',
  schema: dueDaysInput as unknown as z.ZodType<DueDays>,
  defaultValue: { critical: 7, high: 14, medium: 30, low: 90 },
  auditAction: 'infosec.advisory_due_days.updated',
});

/** The due date of a site's answer: the day it was routed (YYYY-MM-DD) plus the severity's days. */
export function dueOn(routedOn: string, days: DueDays, severity: AdvisorySeverity): string {
  const [y, m, d] = routedOn.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days[severity])).toISOString().slice(0, 10);
}
