import { Alert, Stack, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useInfosecT } from '../i18n/index.ts';

/** The six CSF 2.0 functions in the framework's order: weights are listed in this order, then any other. */
const FUNCTION_ORDER = ['GV', 'ID', 'PR', 'DE', 'RS', 'RC'];

const byFunctionOrder = (a: string, b: string) => {
  const ia = FUNCTION_ORDER.indexOf(a);
  const ib = FUNCTION_ORDER.indexOf(b);
  if (ia === -1 && ib === -1) return a.localeCompare(b);
  if (ia === -1) return 1;
  if (ib === -1) return -1;
  return ia - ib;
};

type Rule = { functionWeights: Record<string, number> };

/** The weights that differ from 1 in a line such as "GV 2, PR 1.5; others 1", or null when none does. */
export function useWeightsText() {
  const t = useInfosecT();
  return (rule: Rule): string | null => {
    const named = Object.entries(rule.functionWeights)
      .filter(([, weight]) => weight !== 1)
      .sort(([a], [b]) => byFunctionOrder(a, b));
    if (named.length === 0) return null;
    const weights = named.map(([fn, weight]) => `${fn} ${weight}`).join(t('csfScale.separator'));
    // "Others 1" only while a function of the framework is left at the default.
    const othersAtOne = FUNCTION_ORDER.some((fn) => !named.some(([n]) => n === fn));
    return othersAtOne ? t('csfScale.noteOthers', { weights }) : t('csfScale.note', { weights });
  };
}

/**
 * How the figures beside it are computed: the mean rule, and the function weights of a site's score when the
 * group set any other than 1. `alert` on the overview, `line` (small, dimmed) beside an assessment's score.
 */
export function RuleNote({
  rule,
  variant = 'alert',
  mb,
  'data-testid': testId,
}: {
  rule: Rule;
  variant?: 'alert' | 'line';
  mb?: string;
  'data-testid'?: string;
}) {
  const t = useInfosecT();
  const weightsText = useWeightsText()(rule);
  if (variant === 'line')
    return (
      <Stack gap={2} mb={mb} data-testid={testId}>
        <Text size="xs" c="dimmed">
          {t('csf.rule')}
        </Text>
        {weightsText && (
          <Text size="xs" c="dimmed" fw={600}>
            {weightsText}
          </Text>
        )}
      </Stack>
    );
  return (
    <Alert variant="light" color="gray" icon={<IconInfoCircle size={16} />} mb={mb} data-testid={testId}>
      <Text size="sm">{t('csf.rule')}</Text>
      {weightsText && (
        <Text size="sm" fw={600} mt={4}>
          {weightsText}
        </Text>
      )}
    </Alert>
  );
}
