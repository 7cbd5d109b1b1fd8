import { useForm } from '@mantine/form';
import { randomId } from '@mantine/hooks';
import { type ClockRulesInput, clockRulesInput } from '#shared/modules/infosec/contract.ts';
import type { BreachNotificationRule, ClockRules } from '#shared/modules/infosec/rules/clocks.ts';
import { contractValidator } from '../../../platform/ui/forms.ts';

export const CLOCK_RULES_PATH = '/api/infosec/clock-rules';

type Entered = number | string;
export type LevelValues = { level: 1 | 2 | 3 | 4; levelReviewHours: Entered; recoveryHours: Entered };
/** A breach-notification row; `key` keeps React's row identity while rows are added and removed. */
export type BreachRowValues = {
  key: string;
  country: string | null;
  authority: string;
  provision: string;
  period: Entered;
  unit: BreachNotificationRule['unit'];
  from: BreachNotificationRule['from'];
};
/** Named as in the contract, so that the server's field errors land on their field. */
export type ClockRulesValues = {
  reportHours: Entered;
  investigationReportMonths: Entered;
  levels: LevelValues[];
  breachNotification: BreachRowValues[];
};

export const newBreachRow = (): BreachRowValues => ({
  key: randomId(),
  country: null,
  authority: '',
  provision: '',
  period: 72,
  unit: 'hours',
  from: 'awareness',
});

/** The stored rules as form values: levels 1–4 in order, the rows as they are stored. */
export function toValues(rules: ClockRules): ClockRulesValues {
  return {
    reportHours: rules.reportHours,
    investigationReportMonths: rules.investigationReportMonths,
    levels: [...rules.levels]
      .sort((a, b) => a.level - b.level)
      .map((l) => ({ level: l.level, levelReviewHours: l.levelReviewHours, recoveryHours: l.recoveryHours })),
    breachNotification: rules.breachNotification.map((r) => ({
      key: randomId(),
      country: r.country,
      authority: r.authority,
      provision: r.provision ?? '',
      period: r.period,
      unit: r.unit,
      from: r.from,
    })),
  };
}

// An empty input is absent, so the contract reports it as required rather than as a number out of range.
const numberOrAbsent = (v: Entered) => (v === '' ? undefined : Number(v)) as number;
const textOrAbsent = (v: string | null) => (v?.trim() ? v.trim() : undefined) as string;

/** The request body, in the form's order (the server names a problem by position in it). */
export function toPayload(values: ClockRulesValues): ClockRulesInput {
  return {
    reportHours: numberOrAbsent(values.reportHours),
    investigationReportMonths: numberOrAbsent(values.investigationReportMonths),
    levels: values.levels.map((l) => ({
      level: l.level,
      levelReviewHours: numberOrAbsent(l.levelReviewHours),
      recoveryHours: numberOrAbsent(l.recoveryHours),
    })),
    breachNotification: values.breachNotification.map((r) => ({
      country: textOrAbsent(r.country),
      authority: textOrAbsent(r.authority),
      provision: r.provision.trim() || undefined,
      period: numberOrAbsent(r.period),
      unit: r.unit,
      from: r.from,
    })),
  };
}

/**
 * The form's problems as the contract sees them. A problem of the whole list of rows (two rows of one country)
 * carries the contract's English words: the caller shows its own sentence for it.
 */
export const validateClockRules = contractValidator(clockRulesInput, toPayload);

const BLANK: ClockRulesValues = {
  reportHours: '',
  investigationReportMonths: '',
  levels: [],
  breachNotification: [],
};

/** The form of the clock rules, empty until the stored rules arrive. */
export function useClockRulesForm() {
  const form = useForm<ClockRulesValues>({
    mode: 'controlled',
    initialValues: BLANK,
    validate: validateClockRules,
    // A problem of a whole list (two rows of one country) belongs to no one field: any change clears it.
    onValuesChange: () => {
      for (const path of ['breachNotification', 'levels']) if (form.errors[path]) form.clearFieldError(path);
    },
  });
  return form;
}
export type ClockRulesForm = ReturnType<typeof useClockRulesForm>;
