import {
  Badge,
  CloseButton,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import type { z } from 'zod';
import { secretInput, secretPatch, secretView } from '#shared/modules/ip/contract.ts';
import {
  type Checklist,
  measureStates,
  measuresScore,
  type SecretMeasure,
  secretCategories,
  secretMeasures,
} from '#shared/modules/ip/rules/secrets.ts';
import { api } from '../../../platform/api/client.ts';
import { EmployeesField } from '../../../platform/people/EmployeesField.tsx';
import { useOnlySiteByDefault, useSites } from '../../../platform/people/sites.ts';
import { UserSelect } from '../../../platform/services/UserSelect.tsx';
import { FormModal } from '../../../platform/ui/FormModal.tsx';
import { blankToNull } from '../../../platform/ui/forms.ts';
import { useRecordForm } from '../../../platform/ui/useRecordForm.ts';
import { ipKeys } from '../api.ts';
import { useIpLabel, useIpT } from '../i18n/index.ts';

type Secret = z.infer<typeof secretView>;
type V = {
  siteId: string;
  title: string;
  category: string;
  ownerId: string;
  accessUserIds: string[];
  accessEmployeeIds: string[];
  checklist: Record<SecretMeasure, { state: string; note: string }>;
  lastReviewDate: string;
};

const blankChecklist = Object.fromEntries(
  secretMeasures.map((m) => [m, { state: 'no', note: '' }]),
) as V['checklist'];

const toChecklist = (c: V['checklist']) =>
  Object.fromEntries(
    secretMeasures.map((m) => [m, { state: c[m].state, note: blankToNull(c[m].note) }]),
  ) as Checklist;

/** The first error the server gave for an employee of the access list (`accessEmployeeIds.N`). */
function employeeError(errors: Record<string, unknown>): string | undefined {
  const found = Object.entries(errors).find(([path]) => path.startsWith('accessEmployeeIds'));
  return found ? String(found[1]) : undefined;
}

/** People on an access list, each with a button that takes them off it. */
function Removable({
  items,
  onRemove,
}: {
  items: { id: string; name: string }[];
  onRemove: (id: string) => void;
}) {
  const t = useIpT();
  return (
    <Group gap={6}>
      {items.map((p) => (
        <Badge
          key={p.id}
          variant="light"
          rightSection={
            <CloseButton
              size="xs"
              aria-label={t('secrets.removeAccess', { name: p.name })}
              onClick={() => onRemove(p.id)}
            />
          }
        >
          {p.name}
        </Badge>
      ))}
    </Group>
  );
}

/** Registers a trade secret (a description of what is protected) with its measures, or records its review. */
export function SecretForm({ secret, onClose }: { secret: Secret | null; onClose: () => void }) {
  const t = useIpT();
  const label = useIpLabel();
  const { options: siteOptions } = useSites();
  const f = useRecordForm({
    record: secret,
    blank: {
      siteId: '',
      title: '',
      category: '',
      ownerId: '',
      accessUserIds: [],
      accessEmployeeIds: [],
      checklist: blankChecklist,
      lastReviewDate: '',
    } as V,
    toValues: (x): V => ({
      siteId: x.siteId,
      title: x.title,
      category: x.category,
      ownerId: x.ownerId,
      accessUserIds: x.access.map((a) => a.userId),
      accessEmployeeIds: x.accessEmployees.map((e) => e.employeeId),
      checklist: Object.fromEntries(
        secretMeasures.map((m) => [m, { state: x.checklist[m].state, note: x.checklist[m].note ?? '' }]),
      ) as V['checklist'],
      lastReviewDate: x.lastReviewDate,
    }),
    toPayload: (v: V, mode) => {
      const body = {
        title: v.title.trim(),
        category: v.category,
        ownerId: v.ownerId,
        accessUserIds: v.accessUserIds,
        accessEmployeeIds: v.accessEmployeeIds,
        checklist: toChecklist(v.checklist),
        lastReviewDate: v.lastReviewDate.trim(),
      };
      return mode === 'create' ? { siteId: v.siteId, ...body } : body;
    },
    createSchema: secretInput,
    patchSchema: secretPatch,
    create: (p) => api.post('/api/ip/trade-secrets', p, secretView),
    update: (id, body) => api.patch(`/api/ip/trade-secrets/${id}`, body, secretView),
    fetch: (id) => api.get(`/api/ip/trade-secrets/${id}`, secretView),
    invalidate: [ipKeys.secrets, ipKeys.obligations],
    onSaved: onClose,
  });
  const v = f.form.getValues();
  useOnlySiteByDefault(siteOptions, v.siteId, (id) => f.form.setFieldValue('siteId', id));
  const known = [
    ...(secret?.ownerName ? [{ id: secret.ownerId, name: secret.ownerName }] : []),
    ...(secret?.access ?? []).map((a) => ({ id: a.userId, name: a.name ?? '…' })),
  ];
  const nameOf = (id: string) => known.find((k) => k.id === id)?.name ?? id;
  const { score, working } = measuresScore(toChecklist(v.checklist));
  return (
    <FormModal
      opened
      onClose={onClose}
      title={secret ? t('secrets.edit') : t('secrets.add')}
      onSubmit={f.submit}
      busy={f.save.isPending}
      error={f.formError}
      onReload={() => void f.reload()}
      size="xl"
    >
      <TextInput
        label={t('secrets.what')}
        description={t('secrets.whatHint')}
        required
        data-autofocus
        {...f.form.getInputProps('title')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('common.site')}
          data={siteOptions}
          searchable
          required
          disabled={!!secret}
          {...f.form.getInputProps('siteId')}
        />
        <Select
          label={t('secrets.category')}
          data={secretCategories.map((c) => ({ value: c, label: label('secretCategories', c) }))}
          required
          {...f.form.getInputProps('category')}
        />
        <UserSelect label={t('secrets.owner')} required known={known} {...f.form.getInputProps('ownerId')} />
        <TextInput
          label={t('secrets.lastReview')}
          placeholder="YYYY-MM-DD"
          required
          {...f.form.getInputProps('lastReviewDate')}
        />
      </SimpleGrid>
      <Stack gap={4}>
        <UserSelect
          label={t('secrets.access')}
          description={t('secrets.accessHint')}
          known={known}
          value={null}
          onChange={(id) => {
            if (id && !v.accessUserIds.includes(id))
              f.form.setFieldValue('accessUserIds', [...v.accessUserIds, id]);
          }}
          error={f.form.errors.accessUserIds}
        />
        <Removable
          items={v.accessUserIds.map((id) => ({ id, name: nameOf(id) }))}
          onRemove={(id) =>
            f.form.setFieldValue(
              'accessUserIds',
              v.accessUserIds.filter((x) => x !== id),
            )
          }
        />
      </Stack>
      <EmployeesField
        label={t('secrets.accessEmployees')}
        description={t('secrets.accessEmployeesHint')}
        placeholder={t('family.findEmployee')}
        known={(secret?.accessEmployees ?? []).map((e) => ({
          employeeId: e.employeeId,
          fullName: `${e.name} · ${e.employeeNo}`,
        }))}
        value={v.accessEmployeeIds}
        onChange={(ids) => f.form.setFieldValue('accessEmployeeIds', ids)}
        error={employeeError(f.form.errors)}
      />
      <Table withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('secrets.measure')}</Table.Th>
            <Table.Th>{t('secrets.inPlace')}</Table.Th>
            <Table.Th>{t('secrets.note')}</Table.Th>
            <Table.Th ta="right">{t('secrets.points')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {working.map((w) => (
            <Table.Tr key={w.measure}>
              <Table.Td>{label('measures', w.measure)}</Table.Td>
              <Table.Td>
                <SegmentedControl
                  size="xs"
                  aria-label={label('measures', w.measure)}
                  data={measureStates.map((s) => ({ value: s, label: label('measureStates', s) }))}
                  {...f.form.getInputProps(`checklist.${w.measure}.state`)}
                />
              </Table.Td>
              <Table.Td>
                <TextInput
                  size="xs"
                  aria-label={t('secrets.noteOf', { measure: label('measures', w.measure) })}
                  {...f.form.getInputProps(`checklist.${w.measure}.note`)}
                />
              </Table.Td>
              <Table.Td ta="right">{t('secrets.pointsOf', { points: w.points, max: w.max })}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text fw={600} ta="right">
        {t('secrets.scoreWorking', { parts: working.map((w) => w.points).join(' + '), score })}
      </Text>
    </FormModal>
  );
}
