import {
  Alert,
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCircleCheck } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  type IncidentView,
  incidentReport,
  incidentView,
  sensitiveReasons,
} from '#shared/modules/infosec/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { useOnlySiteByDefault, useSites } from '../../../platform/people/sites.ts';
import { applyServerErrors, contractValidator } from '../../../platform/ui/forms.ts';
import { ButtonLink } from '../../../platform/ui/links.tsx';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { ProblemAlert } from '../../../platform/ui/problem.tsx';
import { infosecKeys, isoToLocalInput, localInputToIso } from '../api.ts';
import { useInfosecLabel, useInfosecT } from '../i18n/index.ts';

type V = {
  siteId: string;
  title: string;
  description: string;
  awareAt: string;
  sensitive: boolean;
  sensitiveReason: string | null;
};

const toPayload = (v: V) => ({
  siteId: v.siteId,
  title: v.title.trim(),
  description: v.description.trim(),
  awareAt: localInputToIso(v.awareAt),
  sensitive: v.sensitive,
  sensitiveReason: v.sensitive ? v.sensitiveReason : null,
});

/** The report form every employee uses, built for a phone: one column, large touch targets, few fields. */
export function SecurityReportPage() {
  const t = useInfosecT();
  const label = useInfosecLabel();
  const queryClient = useQueryClient();
  const { options: siteOptions } = useSites();
  const [done, setDone] = useState<IncidentView | null>(null);
  const form = useForm<V>({
    mode: 'controlled',
    initialValues: {
      siteId: '',
      title: '',
      description: '',
      awareAt: isoToLocalInput(new Date()),
      sensitive: false,
      sensitiveReason: null,
    },
    validate: contractValidator(incidentReport, toPayload),
  });
  useOnlySiteByDefault(siteOptions, form.getValues().siteId, (id) => form.setFieldValue('siteId', id));
  const submit = useMutation({
    mutationFn: (v: V) => api.post('/api/infosec/incidents', toPayload(v), incidentView),
    onSuccess: (incident) => {
      void queryClient.invalidateQueries({ queryKey: [infosecKeys.incidents] });
      setDone(incident);
      window.scrollTo({ top: 0 });
    },
    onError: (error) => applyServerErrors(form, error),
  });
  const v = form.getValues();

  return (
    <Stack maw={640} gap="md">
      <PageHeader
        title={t('report.title')}
        crumbs={[{ label: t('nav.section') }, { label: t('report.title') }]}
      />
      {done ? (
        <Alert color="teal" icon={<IconCircleCheck />} data-testid="report-done">
          <Stack gap="sm">
            <Text>{t('report.done', { reference: done.reference })}</Text>
            <Group>
              <ButtonLink
                to="/infosec/incidents/$incidentId"
                params={{ incidentId: done.id }}
                variant="light"
              >
                {t('report.open')}
              </ButtonLink>
              <Button
                variant="default"
                onClick={() => {
                  setDone(null);
                  form.reset();
                  submit.reset();
                }}
              >
                {t('report.another')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      ) : (
        <Paper withBorder p="md" radius="md">
          <form onSubmit={form.onSubmit((values) => submit.mutate(values))} noValidate>
            <Stack gap="md">
              <Text size="sm" c="dimmed">
                {t('report.intro')}
              </Text>
              {submit.error ? <ProblemAlert error={submit.error} /> : null}
              {siteOptions.length > 1 && (
                <Select
                  label={t('report.site')}
                  data={siteOptions}
                  required
                  searchable
                  size="md"
                  {...form.getInputProps('siteId')}
                />
              )}
              <TextInput label={t('report.titleLabel')} required size="md" {...form.getInputProps('title')} />
              <Textarea
                label={t('report.descriptionLabel')}
                required
                autosize
                minRows={4}
                size="md"
                {...form.getInputProps('description')}
              />
              <TextInput
                type="datetime-local"
                label={t('report.awareAt')}
                required
                size="md"
                {...form.getInputProps('awareAt')}
              />
              <Checkbox
                label={t('report.sensitive')}
                description={t('report.sensitiveHint')}
                size="md"
                {...form.getInputProps('sensitive', { type: 'checkbox' })}
              />
              {v.sensitive && (
                <Select
                  label={t('report.sensitiveReason')}
                  data={sensitiveReasons.map((r) => ({ value: r, label: label('reasons', r) }))}
                  size="md"
                  {...form.getInputProps('sensitiveReason')}
                />
              )}
              <Button type="submit" size="md" fullWidth loading={submit.isPending}>
                {t('report.submit')}
              </Button>
            </Stack>
          </form>
        </Paper>
      )}
    </Stack>
  );
}
