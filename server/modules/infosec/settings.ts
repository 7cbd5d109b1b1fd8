import type { z } from 'zod';
import { clockRulesInput } from '#shared/modules/infosec/contract.ts';
import { type ClockRules, defaultClockRules } from '#shared/modules/infosec/rules/clocks.ts';
import { defineSetting } from '../../platform/settings/service.ts';

/** The incident clocks by level (hours), as the group administrator sets them; the regulation's by default. */
export const clockRulesSetting = defineSetting<ClockRules>({
  key: 'infosec.clock_rules',
  schema: clockRulesInput as unknown as z.ZodType<ClockRules>,
  defaultValue: defaultClockRules,
  auditAction: 'infosec.clock_rules.updated',
});
