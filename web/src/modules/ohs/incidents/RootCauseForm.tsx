import { ActionIcon, Button, Group, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconArrowDown, IconPlus, IconTrash } from '@tabler/icons-react';
import {
  investigationView,
  rootCauseCategories,
  rootCauseInput,
} from '#shared/modules/ohs/investigations/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { FormModal } from '../../../platform/ui/FormModal.tsx';
import { applyServerErrors, contractValidator } from '../../../platform/ui/forms.ts';
import { useOhsLabel, useOhsT } from '../i18n/index.ts';
import { type Investigation, useInvestigationWrite } from './investigation-write.ts';

export type CauseValues = {
  method: 'five_whys' | 'fishbone';
  category: string;
  whys: string[];
  statement: string;
};
const causePayload = (v: CauseValues) => ({
  method: v.method,
  category: v.category || null,
  whys: v.whys.map((w) => w.trim()).filter(Boolean),
  statement: v.statement.trim(),
});

export function RootCauseForm({
  investigation,
  method,
  onClose,
}: {
  investigation: Investigation;
  method: CauseValues['method'];
  onClose: () => void;
}) {
  const t = useOhsT();
  const label = useOhsLabel();
  const form = useForm<CauseValues>({
    mode: 'controlled',
    initialValues: { method, category: '', whys: method === 'five_whys' ? [''] : [], statement: '' },
    validate: contractValidator(rootCauseInput, causePayload),
  });
  const add = useInvestigationWrite(
    investigation,
    (v: CauseValues) =>
      api.post(`/api/ohs/investigations/${investigation.id}/root-causes`, causePayload(v), investigationView),
    t('investigation.addedCause'),
    onClose,
  );
  const whys = form.getValues().whys;
  return (
    <FormModal
      opened
      onClose={onClose}
      title={method === 'five_whys' ? t('investigation.addFiveWhys') : t('investigation.addFishbone')}
      onSubmit={form.onSubmit((v) => add.mutate(v, { onError: (e) => applyServerErrors(form, e) }))}
      busy={add.isPending}
      error={add.error}
    >
      {method === 'five_whys' ? (
        <Stack gap={6}>
          {whys.map((_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the chain is positional
            <Stack key={i} gap={2}>
              {i > 0 && <IconArrowDown size={16} style={{ alignSelf: 'center', opacity: 0.5 }} />}
              <Group gap={6} align="flex-end" wrap="nowrap">
                <TextInput
                  label={t('investigation.why', { n: i + 1 })}
                  style={{ flex: 1 }}
                  data-autofocus={i === 0 || undefined}
                  {...form.getInputProps(`whys.${i}`)}
                />
                {whys.length > 1 && (
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    mb={4}
                    onClick={() => form.removeListItem('whys', i)}
                    aria-label={t('common.remove')}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                )}
              </Group>
            </Stack>
          ))}
          {whys.length < 7 && (
            <Button
              variant="subtle"
              size="xs"
              leftSection={<IconPlus size={14} />}
              onClick={() => form.insertListItem('whys', '')}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('investigation.addWhy')}
            </Button>
          )}
          <Select
            label={t('investigation.category')}
            data={rootCauseCategories.map((c) => ({ value: c, label: label('categories', c) }))}
            clearable
            {...form.getInputProps('category')}
            value={form.getValues().category || null}
            onChange={(v) => form.setFieldValue('category', v ?? '')}
          />
        </Stack>
      ) : (
        <Select
          label={t('investigation.category')}
          data={rootCauseCategories.map((c) => ({ value: c, label: label('categories', c) }))}
          required
          openOnFocus={false}
          data-autofocus
          {...form.getInputProps('category')}
          value={form.getValues().category || null}
          onChange={(v) => form.setFieldValue('category', v ?? '')}
        />
      )}
      <Textarea
        label={t('investigation.statement')}
        description={t('investigation.statementHint')}
        required
        autosize
        minRows={2}
        {...form.getInputProps('statement')}
      />
    </FormModal>
  );
}
