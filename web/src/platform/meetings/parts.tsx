import {
  Badge,
  Checkbox,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  type CommitteeView,
  committeeInput,
  committeePatch,
  committeeView,
  type MeetingView,
} from '#shared/platform/meetings/contract.ts';
import { meetingFrequencies } from '#shared/platform/meetings/rules/committee.ts';
import { api } from '../api/client.ts';
import { useCan, useSession } from '../auth/session.ts';
import { programChoices } from '../modules/manifest.ts';
import { programNameKey } from '../modules/program-names.ts';
import { useSites } from '../people/sites.ts';
import { useSubsidiaries } from '../services/subsidiaries.ts';
import { FormModal } from '../ui/FormModal.tsx';
import { blankToNull } from '../ui/forms.ts';
import { useLocalName } from '../ui/labels.ts';
import { useRecordForm } from '../ui/useRecordForm.ts';
import { useMeetingsLabel, useMeetingsT } from './texts.ts';

export const meetingKeys = [
  '/api/committees',
  '/api/meetings',
  '/api/obligations',
  '/api/actions',
  '/api/home',
];

export const meetingStatusColors: Record<MeetingView['status'], string> = {
  planned: 'blue',
  held: 'orange',
  minutes_approved: 'teal',
  cancelled: 'gray',
};

export function MeetingStatusBadge({ status }: { status: MeetingView['status'] }) {
  const label = useMeetingsLabel();
  return (
    <Badge miw="max-content" color={meetingStatusColors[status]} variant="light">
      {label('statuses', status)}
    </Badge>
  );
}

export function useCommitteeName() {
  const localName = useLocalName();
  return (c: { name: string; nameZh: string | null }) => localName({ name: c.name, nameZh: c.nameZh });
}

/** What the signed-in user may do with a committee: change it (managers), run its meetings (also chair and secretary). */
export function useCommitteeAccess(c: CommitteeView | undefined) {
  const session = useSession();
  const can = useCan();
  if (!c) return { manage: false, run: false, role: null };
  const role = c.members.find((m) => m.userId === session.user.id)?.role ?? null;
  const manage = c.siteId ? can('meetings.manage') : can('meetings.group.manage');
  return { manage, run: manage || role === 'chair' || role === 'secretary', role };
}

/** A committee's composition warnings, worded by the server in the user's language. */
export function useCommitteeWarnings() {
  return (c: CommitteeView) => c.warnings.map((w) => w.message);
}

type CommitteeValues = {
  name: string;
  nameZh: string;
  program: string | null;
  level: 'group' | 'subsidiary' | 'site';
  siteId: string | null;
  subsidiaryId: string | null;
  charter: string;
  frequency: string;
  quorumPercent: number | string;
  quorumChairRequired: boolean;
  active: boolean;
};

/** Set up a committee or change one (names, charter, frequency, quorum rule, active). */
export function CommitteeFormModal({
  committee,
  onClose,
  onSaved,
}: {
  committee: CommitteeView | null;
  onClose: () => void;
  onSaved?: (c: CommitteeView) => void;
}) {
  const t = useMeetingsT();
  const label = useMeetingsLabel();
  const { t: tc } = useTranslation();
  const { options: siteOptions } = useSites();
  const { options: subsidiaryOptions } = useSubsidiaries();
  const f = useRecordForm({
    record: committee,
    blank: {
      name: '',
      nameZh: '',
      program: null,
      level: 'site',
      siteId: null,
      subsidiaryId: null,
      charter: '',
      frequency: 'quarterly',
      quorumPercent: 50,
      quorumChairRequired: true,
      active: true,
    } as CommitteeValues,
    toValues: (c): CommitteeValues => ({
      name: c.name,
      nameZh: c.nameZh ?? '',
      program: c.program,
      level: c.level,
      siteId: c.siteId,
      subsidiaryId: c.subsidiaryId,
      charter: c.charter ?? '',
      frequency: c.frequency,
      quorumPercent: c.quorumPercent,
      quorumChairRequired: c.quorumChairRequired,
      active: c.active,
    }),
    toPayload: (v: CommitteeValues, mode) => {
      const common = {
        name: v.name.trim(),
        nameZh: blankToNull(v.nameZh),
        charter: blankToNull(v.charter),
        frequency: v.frequency,
        quorumPercent: v.quorumPercent === '' ? 50 : Number(v.quorumPercent),
        quorumChairRequired: v.quorumChairRequired,
      };
      if (mode === 'edit') return { ...common, active: v.active };
      return {
        ...common,
        program: v.program || null,
        level: v.level,
        siteId: v.level === 'site' ? v.siteId : null,
        subsidiaryId: v.level === 'subsidiary' ? v.subsidiaryId : null,
      };
    },
    createSchema: committeeInput,
    patchSchema: committeePatch,
    create: (p) => api.post('/api/committees', p, committeeView),
    update: (id, body) => api.patch(`/api/committees/${id}`, body, committeeView),
    fetch: (id) => api.get(`/api/committees/${id}`, committeeView),
    invalidate: meetingKeys,
    savedMessage: t('committeeForm.saved'),
    onSaved: (c) => {
      onSaved?.(c);
      onClose();
    },
  });
  const v = f.form.getValues();
  const creating = f.mode === 'create';
  return (
    <FormModal
      opened
      onClose={onClose}
      title={creating ? t('committeeForm.add') : t('committeeForm.edit')}
      onSubmit={f.submit}
      busy={f.save.isPending}
      error={f.formError}
      onReload={() => void f.reload()}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('committeeForm.name')}
          required
          data-autofocus
          {...f.form.getInputProps('name')}
        />
        <TextInput label={t('committeeForm.nameZh')} lang="zh-TW" {...f.form.getInputProps('nameZh')} />
      </SimpleGrid>
      {creating && (
        <>
          <Select
            label={t('committeeForm.program')}
            placeholder={t('committeeForm.noProgram')}
            data={programChoices().map((p) => ({
              value: p,
              label: tc(programNameKey(p)) as string,
            }))}
            clearable
            {...f.form.getInputProps('program')}
          />
          <Stack gap={4}>
            <SegmentedControl
              aria-label={t('committeeForm.level')}
              data={(['site', 'subsidiary', 'group'] as const).map((l) => ({
                value: l,
                label: label('levels', l),
              }))}
              {...f.form.getInputProps('level')}
            />
          </Stack>
          {v.level === 'site' && (
            <Select
              label={t('committeeForm.site')}
              data={siteOptions}
              searchable
              required
              {...f.form.getInputProps('siteId')}
            />
          )}
          {v.level === 'subsidiary' && (
            <Select
              label={t('committeeForm.subsidiary')}
              data={subsidiaryOptions}
              required
              {...f.form.getInputProps('subsidiaryId')}
            />
          )}
        </>
      )}
      <Textarea
        label={t('committeeForm.charter')}
        description={t('committeeForm.charterHint')}
        autosize
        minRows={2}
        maxRows={8}
        {...f.form.getInputProps('charter')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('committeeForm.frequency')}
          data={meetingFrequencies.map((x) => ({ value: x, label: label('frequencies', x) }))}
          allowDeselect={false}
          {...f.form.getInputProps('frequency')}
        />
        <NumberInput
          label={t('committeeForm.quorumPercent')}
          min={1}
          max={99}
          allowDecimal={false}
          {...f.form.getInputProps('quorumPercent')}
        />
      </SimpleGrid>
      <Checkbox
        label={t('committeeForm.quorumChair')}
        {...f.form.getInputProps('quorumChairRequired', { type: 'checkbox' })}
      />
      {!creating && (
        <Checkbox
          label={t('committeeForm.active')}
          {...f.form.getInputProps('active', { type: 'checkbox' })}
        />
      )}
    </FormModal>
  );
}

export type Committee = z.infer<typeof committeeView>;
