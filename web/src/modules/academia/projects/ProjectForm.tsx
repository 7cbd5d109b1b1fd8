import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import {
  projectDetail,
  projectInput,
  projectLines,
  projectPatch,
  projectStatuses,
} from '#shared/modules/academia/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { useSites } from '../../../platform/people/sites.ts';
import { DateSpanInputs } from '../../../platform/ui/DateSpanInputs.tsx';
import { FormModal } from '../../../platform/ui/FormModal.tsx';
import { useRecordForm } from '../../../platform/ui/useRecordForm.ts';
import { academiaKeys, toMinor, usePartnerOptions } from '../api.ts';
import { useAcademiaLabel, useAcademiaT } from '../i18n/index.ts';

type P = import('zod').infer<typeof projectDetail>;
type V = {
  siteId: string;
  partnerId: string;
  title: string;
  line: string;
  principalInvestigator: string;
  status: string;
  startsOn: string | null;
  endsOn: string | null;
  currency: string;
  budget: string;
};

/** Create or edit a research project: keyboard order follows the fields, errors sit next to them. */
export function ProjectForm({ record, onClose }: { record: P | null; onClose: () => void }) {
  const t = useAcademiaT();
  const label = useAcademiaLabel();
  const navigate = useNavigate();
  const { options: siteOptions } = useSites();
  const partners = usePartnerOptions();
  const f = useRecordForm({
    record,
    blank: {
      siteId: '',
      partnerId: '',
      title: '',
      line: '',
      principalInvestigator: '',
      status: 'proposal',
      startsOn: null,
      endsOn: null,
      currency: 'TWD',
      budget: '',
    } as V,
    toValues: (r): V => ({
      siteId: r.siteId,
      partnerId: r.partnerId,
      title: r.title,
      line: r.line,
      principalInvestigator: r.principalInvestigator,
      status: r.status,
      startsOn: r.startsOn,
      endsOn: r.endsOn,
      currency: r.currency,
      budget: '',
    }),
    toPayload: (v: V, mode) => {
      const amount = v.budget.trim() ? toMinor(v.budget) : null;
      const body = {
        partnerId: v.partnerId,
        title: v.title,
        line: v.line as (typeof projectLines)[number],
        principalInvestigator: v.principalInvestigator,
        status: v.status as (typeof projectStatuses)[number],
        startsOn: v.startsOn ?? '',
        endsOn: v.endsOn || null,
        currency: v.currency.trim().toUpperCase(),
        ...(amount !== null && v.startsOn
          ? { budget: [{ year: Number(v.startsOn.slice(0, 4)), budgetMinor: amount }] }
          : {}),
      };
      return mode === 'create' ? { siteId: v.siteId, ...body } : body;
    },
    check: (v): Record<string, string> =>
      v.budget.trim() && toMinor(v.budget) === null ? { budget: t('projects.budget') } : {},
    createSchema: projectInput,
    patchSchema: projectPatch,
    create: (p) => api.post('/api/academia/projects', p, projectDetail),
    update: (id, body) => api.patch(`/api/academia/projects/${id}`, body, projectDetail),
    fetch: (id) => api.get(`/api/academia/projects/${id}`, projectDetail),
    invalidate: [academiaKeys.projects, academiaKeys.contribution],
    onSaved: (saved) => {
      onClose();
      if (!record) void navigate({ to: '/academia/projects/$projectId', params: { projectId: saved.id } });
    },
  });
  return (
    <FormModal
      opened
      onClose={onClose}
      title={record ? t('projects.edit') : t('projects.add')}
      onSubmit={f.submit}
      busy={f.save.isPending}
      error={f.formError}
      onReload={() => void f.reload()}
      size="lg"
    >
      {!record && (
        <Select
          label={t('common.site')}
          data={siteOptions}
          searchable
          required
          data-autofocus
          {...f.form.getInputProps('siteId')}
        />
      )}
      <Select
        label={t('common.partner')}
        data={partners}
        searchable
        required
        {...f.form.getInputProps('partnerId')}
      />
      <TextInput label={t('projects.titleField')} required {...f.form.getInputProps('title')} />
      <SimpleGrid cols={2}>
        <Select
          label={t('projects.line')}
          data={projectLines.map((l) => ({ value: l, label: label('lines', l) }))}
          required
          {...f.form.getInputProps('line')}
        />
        <Select
          label={t('common.status')}
          data={projectStatuses.map((s) => ({ value: s, label: label('statuses', s) }))}
          required
          {...f.form.getInputProps('status')}
        />
      </SimpleGrid>
      <TextInput
        label={t('projects.investigator')}
        required
        {...f.form.getInputProps('principalInvestigator')}
      />
      <SimpleGrid cols={2}>
        <DateSpanInputs
          inputProps={f.form.getInputProps}
          labels={{ startsOn: t('common.startsOn'), endsOn: t('common.endsOn') }}
          openEnded
        />
      </SimpleGrid>
      <SimpleGrid cols={2}>
        <TextInput
          label={t('common.currency')}
          required
          maxLength={3}
          {...f.form.getInputProps('currency')}
        />
        <TextInput label={t('projects.budgetYear')} inputMode="decimal" {...f.form.getInputProps('budget')} />
      </SimpleGrid>
    </FormModal>
  );
}
