import {
  Alert,
  Autocomplete,
  Checkbox,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import {
  type CertificationView,
  certificationInput,
  certificationPatch,
  certificationView,
} from '#shared/platform/certifications/contract.ts';
import { api } from '../api/client.ts';
import { i18n } from '../i18n/index.ts';
import { useSites } from '../people/sites.ts';
import { useSubsidiaries } from '../services/subsidiaries.ts';
import { UserSelect } from '../services/UserSelect.tsx';
import { FormModal } from '../ui/FormModal.tsx';
import { blankToNull } from '../ui/forms.ts';
import { useRecordForm } from '../ui/useRecordForm.ts';
import { useCertificationsT } from './texts.ts';

export const certificationKeys = ['/api/certifications', '/api/obligations', '/api/home'];

type V = {
  standard: string;
  level: 'site' | 'subsidiary';
  siteId: string | null;
  subsidiaryId: string | null;
  certificateNo: string;
  issuer: string;
  scope: string;
  issuedOn: string | null;
  validUntil: string | null;
  ownerId: string | null;
  renewalInProgress: boolean;
};

export function useStandards() {
  const query = useQuery({
    queryKey: ['/api/certifications/standards'],
    queryFn: () => api.get('/api/certifications/standards', z.object({ items: z.array(z.string()) })),
    staleTime: 5 * 60_000,
  });
  return query.data?.items ?? [];
}

/**
 * Register a certificate, change one, or register the renewal of one (`renewing`: the new certificate names
 * it as previous, keeps its standard and holder, and supersedes it).
 */
export function CertificationFormModal({
  certification,
  renewing,
  preset,
  onClose,
  onSaved,
}: {
  certification: CertificationView | null;
  renewing?: CertificationView;
  preset?: { standard?: string; siteId?: string; subsidiaryId?: string };
  onClose: () => void;
  onSaved?: (c: CertificationView) => void;
}) {
  const t = useCertificationsT();
  const standards = useStandards();
  const { options: siteOptions } = useSites();
  const { options: subsidiaryOptions } = useSubsidiaries();
  const from = renewing;
  const f = useRecordForm({
    record: certification,
    blank: {
      standard: from?.standard ?? preset?.standard ?? '',
      level: (from
        ? from.siteId
          ? 'site'
          : 'subsidiary'
        : preset?.subsidiaryId
          ? 'subsidiary'
          : 'site') as V['level'],
      siteId: from?.siteId ?? preset?.siteId ?? null,
      subsidiaryId: from ? (from.siteId ? null : from.subsidiaryId) : (preset?.subsidiaryId ?? null),
      certificateNo: '',
      issuer: from?.issuer ?? '',
      scope: from?.scope ?? '',
      issuedOn: null,
      validUntil: null,
      ownerId: from?.ownerId ?? null,
      renewalInProgress: false,
    } as V,
    toValues: (c): V => ({
      standard: c.standard,
      level: c.siteId ? 'site' : 'subsidiary',
      siteId: c.siteId,
      subsidiaryId: c.siteId ? null : c.subsidiaryId,
      certificateNo: c.certificateNo ?? '',
      issuer: c.issuer ?? '',
      scope: c.scope ?? '',
      issuedOn: c.issuedOn,
      validUntil: c.validUntil,
      ownerId: c.ownerId,
      renewalInProgress: c.renewalInProgress,
    }),
    toPayload: (v: V, mode) => {
      const common = {
        standard: v.standard.trim(),
        certificateNo: blankToNull(v.certificateNo),
        issuer: blankToNull(v.issuer),
        scope: blankToNull(v.scope),
        issuedOn: v.issuedOn ?? '',
        validUntil: v.validUntil ?? '',
        ownerId: v.ownerId || null,
        renewalInProgress: v.renewalInProgress,
      };
      if (mode === 'edit') return common;
      return {
        ...common,
        siteId: v.level === 'site' ? v.siteId : null,
        subsidiaryId: v.level === 'subsidiary' ? v.subsidiaryId : null,
        ...(from ? { previousId: from.id } : {}),
      };
    },
    createSchema: certificationInput,
    patchSchema: certificationPatch,
    create: (p) => api.post('/api/certifications', p, certificationView),
    update: (id, body) => api.patch(`/api/certifications/${id}`, body, certificationView),
    fetch: (id) => api.get(`/api/certifications/${id}`, certificationView),
    invalidate: certificationKeys,
    check: (v): Record<string, string> =>
      v.level === 'subsidiary' && !v.subsidiaryId ? { subsidiaryId: i18n.t('forms.required') } : {},
    savedMessage: t('form.saved'),
    onSaved: (c) => {
      onSaved?.(c);
      onClose();
    },
  });
  const v = f.form.getValues();
  const holderFixed = f.mode === 'edit' || !!from;
  const holderName = from ? (from.siteCode ?? from.subsidiaryCode ?? '') : '';
  const known =
    certification?.ownerId && certification.ownerName
      ? [{ id: certification.ownerId, name: certification.ownerName }]
      : from?.ownerId && from.ownerName
        ? [{ id: from.ownerId, name: from.ownerName }]
        : [];

  return (
    <FormModal
      opened
      onClose={onClose}
      title={
        from
          ? t('renewTitle', { standard: from.standard, holder: holderName })
          : f.mode === 'edit'
            ? t('edit')
            : t('add')
      }
      onSubmit={f.submit}
      busy={f.save.isPending}
      error={f.formError}
      onReload={() => void f.reload()}
    >
      {from && (
        <Alert color="blue" variant="light">
          <Text size="sm">{t('renewHint')}</Text>
        </Alert>
      )}
      <Stack gap="md">
        <Autocomplete
          label={t('form.standard')}
          description={t('form.standardHint')}
          data={standards}
          required
          disabled={!!from}
          data-autofocus={!from ? true : undefined}
          openOnFocus={false}
          {...f.form.getInputProps('standard')}
        />
        {!holderFixed && (
          <SegmentedControl
            aria-label={t('form.level')}
            data={[
              { value: 'site', label: t('form.site') },
              { value: 'subsidiary', label: t('form.subsidiary') },
            ]}
            {...f.form.getInputProps('level')}
          />
        )}
        {v.level === 'site' ? (
          <Select
            label={t('form.site')}
            data={siteOptions}
            searchable
            required
            disabled={holderFixed}
            {...f.form.getInputProps('siteId')}
          />
        ) : (
          <Select
            label={t('form.subsidiary')}
            data={subsidiaryOptions}
            searchable
            required
            disabled={holderFixed}
            {...f.form.getInputProps('subsidiaryId')}
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('form.number')}
            data-autofocus={from ? true : undefined}
            {...f.form.getInputProps('certificateNo')}
          />
          <TextInput label={t('form.issuer')} {...f.form.getInputProps('issuer')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DateInput
            label={t('form.issuedOn')}
            valueFormat="YYYY-MM-DD"
            required
            {...f.form.getInputProps('issuedOn')}
          />
          <DateInput
            label={t('form.validUntil')}
            valueFormat="YYYY-MM-DD"
            required
            {...f.form.getInputProps('validUntil')}
          />
        </SimpleGrid>
        <Textarea
          label={t('form.scope')}
          autosize
          minRows={2}
          maxRows={6}
          {...f.form.getInputProps('scope')}
        />
        <UserSelect
          label={t('form.owner')}
          description={t('form.ownerHint')}
          clearable
          known={known}
          comboboxProps={{ withinPortal: true }}
          {...f.form.getInputProps('ownerId')}
        />
        {!from && (
          <Checkbox
            label={t('form.renewalInProgress')}
            {...f.form.getInputProps('renewalInProgress', { type: 'checkbox' })}
          />
        )}
      </Stack>
    </FormModal>
  );
}
