import { Checkbox, NumberInput, Select, SimpleGrid, TextInput } from '@mantine/core';
import type { z } from 'zod';
import {
  courseInput,
  coursePatch,
  courseView as courseSchema,
  type courseView,
  trainingAudiences,
  trainingDomains,
} from '#shared/platform/training/contract.ts';
import { api } from '../api/client.ts';
import { useSites } from '../people/sites.ts';
import { FormModal } from '../ui/FormModal.tsx';
import { blankToNull } from '../ui/forms.ts';
import { useRecordForm } from '../ui/useRecordForm.ts';
import { useTrainingLabel, useTrainingT } from './texts.ts';

export type Course = z.infer<typeof courseView>;
/** The queries a change to training refreshes (query keys start with the endpoint). */
export const trainingKeys = ['/api/training/courses', '/api/training/completions', '/api/training/figures'];

type V = {
  code: string;
  title: string;
  titleZh: string;
  domain: string;
  audience: string;
  recurrenceMonths: number | string;
  hours: number | string;
  siteId: string | null;
  active: boolean;
};

/** Add or change a course. */
export function CourseFormModal({
  course,
  onClose,
  onSaved,
}: {
  course: Course | null;
  onClose: () => void;
  onSaved?: (c: Course) => void;
}) {
  const t = useTrainingT();
  const label = useTrainingLabel();
  const { options: siteOptions } = useSites();
  const f = useRecordForm({
    record: course,
    blank: {
      code: '',
      title: '',
      titleZh: '',
      domain: 'safety',
      audience: 'all_employees',
      recurrenceMonths: '',
      hours: '',
      siteId: null,
      active: true,
    } as V,
    toValues: (c): V => ({
      code: c.code,
      title: c.title,
      titleZh: c.titleZh ?? '',
      domain: c.domain,
      audience: c.audience,
      recurrenceMonths: c.recurrenceMonths ?? '',
      hours: c.hours,
      siteId: c.siteId,
      active: c.active,
    }),
    toPayload: (v: V, mode) => ({
      code: v.code.trim().toUpperCase(),
      title: v.title.trim(),
      titleZh: blankToNull(v.titleZh),
      domain: v.domain,
      audience: v.audience,
      recurrenceMonths: v.recurrenceMonths === '' ? null : Number(v.recurrenceMonths),
      hours: String(v.hours).trim(),
      ...(mode === 'create' ? { siteId: v.siteId || null } : { active: v.active }),
    }),
    createSchema: courseInput,
    patchSchema: coursePatch,
    create: (p) => api.post('/api/training/courses', p, courseSchema),
    update: (id, body) => api.patch(`/api/training/courses/${id}`, body, courseSchema),
    fetch: (id) => api.get(`/api/training/courses/${id}`, courseSchema),
    invalidate: trainingKeys,
    savedMessage: t('form.saved'),
    onSaved: (c) => {
      onSaved?.(c);
      onClose();
    },
  });
  return (
    <FormModal
      opened
      onClose={onClose}
      title={f.mode === 'edit' ? t('courses.edit') : t('courses.add')}
      onSubmit={f.submit}
      busy={f.save.isPending}
      error={f.formError}
      onReload={() => void f.reload()}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('form.code')}
          description={t('form.codeHint')}
          required
          data-autofocus
          {...f.form.getInputProps('code')}
        />
        <TextInput label={t('form.hours')} required inputMode="decimal" {...f.form.getInputProps('hours')} />
      </SimpleGrid>
      <TextInput label={t('form.title')} required {...f.form.getInputProps('title')} />
      <TextInput label={t('form.titleZh')} lang="zh-TW" {...f.form.getInputProps('titleZh')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('form.domain')}
          required
          allowDeselect={false}
          data={trainingDomains.map((d) => ({ value: d, label: label('domains', d) }))}
          {...f.form.getInputProps('domain')}
        />
        <Select
          label={t('form.audience')}
          required
          allowDeselect={false}
          data={trainingAudiences.map((a) => ({ value: a, label: label('audiences', a) }))}
          {...f.form.getInputProps('audience')}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NumberInput
          label={t('form.recurrence')}
          description={t('form.recurrenceHint')}
          min={1}
          max={120}
          allowDecimal={false}
          {...f.form.getInputProps('recurrenceMonths')}
        />
        <Select
          label={t('form.site')}
          description={t('form.siteHint')}
          data={siteOptions}
          searchable
          clearable
          disabled={f.mode === 'edit'}
          {...f.form.getInputProps('siteId')}
        />
      </SimpleGrid>
      {f.mode === 'edit' && (
        <Checkbox label={t('form.active')} {...f.form.getInputProps('active', { type: 'checkbox' })} />
      )}
    </FormModal>
  );
}
