import type { z } from 'zod';
import { duePolicyInput } from '#shared/modules/infosec/findings/contract.ts';
import { type DuePolicy, defaultDuePolicy } from '#shared/modules/infosec/findings/severity.ts';
import { defineSetting } from '../../../platform/settings/service.ts';

/** Days to remediate a finding by severity, as the group sets them (CISA BOD 19-02's by default). */
export const duePolicySetting = defineSetting<DuePolicy>({
  key: 'infosec.finding_due_policy',
  schema: duePolicyInput as unknown as z.ZodType<DuePolicy>,
  defaultValue: defaultDuePolicy,
  auditAction: 'infosec.finding_due_policy.updated',
});
