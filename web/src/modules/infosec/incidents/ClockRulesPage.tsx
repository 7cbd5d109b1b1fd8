import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  SimpleGrid,
  Skeleton,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle, IconRestore } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { clockRulesView } from '#shared/modules/infosec/contract.ts';
import { defaultClockRules } from '#shared/modules/infosec/rules/clocks.ts';
import { api } from '../../../platform/api/client.ts';
import { applyServerErrors } from '../../../platform/ui/forms.ts';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { ProblemAlert } from '../../../platform/ui/problem.tsx';
import { infosecKeys } from '../api.ts';
import { useInfosecT } from '../i18n/index.ts';
import { BreachRowsTable } from './BreachRowsTable.tsx';
import {
  CLOCK_RULES_PATH,
  type ClockRulesValues,
  toPayload,
  toValues,
  useClockRulesForm,
} from './clock-rules-form.ts';

/**
 * The incident clocks as a group setting: everyone with the program's read permission sees them, group-wide
 * managers (the server's `mayChange`) edit them. "Restore the defaults" only fills the form.
 */
export function ClockRulesPage() {
  const t = useInfosecT();
  const queryClient = useQueryClient();
  const current = useQuery({
    queryKey: [CLOCK_RULES_PATH],
    queryFn: () => api.get(CLOCK_RULES_PATH, clockRulesView),
  });
  const readOnly = !current.data?.mayChange;
  const form = useClockRulesForm();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the form takes the stored rules when they arrive, unless it holds unsaved changes
  useEffect(() => {
    if (!current.data || form.isDirty()) return;
    const values = toValues(current.data);
    form.setValues(values);
    form.resetDirty(values);
  }, [current.data]);

  const save = useMutation({
    mutationFn: (values: ClockRulesValues) => api.put(CLOCK_RULES_PATH, toPayload(values)),
    onSuccess: () => {
      notifications.show({ message: t('clockRules.saved'), color: 'teal' });
      form.resetDirty();
      void queryClient.invalidateQueries({ queryKey: [CLOCK_RULES_PATH] });
      void queryClient.invalidateQueries({ queryKey: [infosecKeys.incidents] });
    },
    onError: (error) => applyServerErrors(form, error),
  });
  const restoreDefaults = () => {
    form.setValues(toValues(defaultClockRules));
    form.clearErrors();
    notifications.show({ message: t('clockRules.defaultsRestored') });
  };
  // After a refused save: the stored rules again, the form's changes given up.
  const reload = async () => {
    save.reset();
    const fresh = await current.refetch();
    if (!fresh.data) return;
    const values = toValues(fresh.data);
    form.setValues(values);
    form.resetDirty(values);
    form.clearErrors();
  };

  return (
    <>
      <PageHeader
        title={t('clockRules.title')}
        crumbs={[{ label: t('nav.section') }, { label: t('clockRules.title') }]}
        description={t('clockRules.description')}
      />
      {current.error && <ProblemAlert error={current.error} />}
      {current.isPending && <Skeleton h={480} />}
      {current.data && (
        <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
          {readOnly && (
            <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />} mb="md">
              {t('clockRules.readOnly')}
            </Alert>
          )}
          <Card withBorder mb="md">
            <Title order={4} mb="sm">
              {t('clockRules.reporting')}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NumberInput
                label={t('clockRules.reportHours')}
                min={0}
                max={720}
                decimalScale={2}
                clampBehavior="none"
                readOnly={readOnly}
                {...form.getInputProps('reportHours')}
              />
              <NumberInput
                label={t('clockRules.investigationReportMonths')}
                min={1}
                max={24}
                allowDecimal={false}
                clampBehavior="none"
                readOnly={readOnly}
                {...form.getInputProps('investigationReportMonths')}
              />
            </SimpleGrid>
          </Card>
          <Card withBorder mb="md">
            <Title order={4}>{t('clockRules.byLevel')}</Title>
            <Text size="sm" c="dimmed" mb="sm">
              {t('clockRules.byLevelHint')}
            </Text>
            <Table.ScrollContainer minWidth={520}>
              <Table verticalSpacing={4} horizontalSpacing="xs" withRowBorders={false}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={100}>{t('clockRules.level')}</Table.Th>
                    <Table.Th>{t('clockRules.levelReviewHours')}</Table.Th>
                    <Table.Th>{t('clockRules.recoveryHours')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {form.values.levels.map((l, index) => (
                    <Table.Tr key={l.level} style={{ verticalAlign: 'top' }}>
                      <Table.Th scope="row" style={{ paddingTop: 10 }}>
                        {t('clockRules.levelN', { level: l.level })}
                      </Table.Th>
                      <Table.Td>
                        <NumberInput
                          aria-label={t('clockRules.levelReviewOf', { level: l.level })}
                          min={0}
                          max={720}
                          decimalScale={2}
                          clampBehavior="none"
                          readOnly={readOnly}
                          {...form.getInputProps(`levels.${index}.levelReviewHours`)}
                        />
                      </Table.Td>
                      <Table.Td>
                        <NumberInput
                          aria-label={t('clockRules.recoveryOf', { level: l.level })}
                          min={0}
                          max={2160}
                          decimalScale={2}
                          clampBehavior="none"
                          readOnly={readOnly}
                          {...form.getInputProps(`levels.${index}.recoveryHours`)}
                        />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Card>
          <Card withBorder mb="md">
            <Title order={4}>{t('clockRules.breach')}</Title>
            <Text size="sm" c="dimmed" mb="sm">
              {t('clockRules.breachHint')}
            </Text>
            <BreachRowsTable form={form} readOnly={readOnly} />
          </Card>
          {save.error ? <ProblemAlert error={save.error} onReload={() => void reload()} /> : null}
          {!readOnly && (
            <Group justify="flex-end" mt="md">
              {form.isDirty() && (
                <Badge variant="light" color="yellow">
                  {t('clockRules.unsaved')}
                </Badge>
              )}
              <Button variant="default" leftSection={<IconRestore size={16} />} onClick={restoreDefaults}>
                {t('clockRules.restoreDefaults')}
              </Button>
              <Button type="submit" loading={save.isPending}>
                {t('common.save')}
              </Button>
            </Group>
          )}
        </form>
      )}
    </>
  );
}
