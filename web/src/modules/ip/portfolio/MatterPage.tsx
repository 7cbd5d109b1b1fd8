import { Alert, Button, Paper, SimpleGrid, Stack } from '@mantine/core';
import { IconAlertTriangle, IconEdit } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { matterDetail } from '#shared/modules/ip/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { useCan } from '../../../platform/auth/session.ts';
import { useCountryName, useFormat } from '../../../platform/ui/labels.ts';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { QueryContent } from '../../../platform/ui/QueryCard.tsx';
import { ipKeys } from '../api.ts';
import { useIpLabel, useIpT } from '../i18n/index.ts';
import { MatterLicences } from '../licences/MatterLicences.tsx';
import { Fact } from './FamilyPage.tsx';
import { MatterDeadlines } from './MatterDeadlines.tsx';
import { MatterForm } from './MatterForm.tsx';
import { MatterOfficeActions } from './MatterOfficeActions.tsx';

/** One matter in one office: its facts, any data problem, and every deadline of its life to the day. */
export function MatterPage() {
  const t = useIpT();
  const label = useIpLabel();
  const can = useCan();
  const _fmt = useFormat();
  const country = useCountryName();
  const { matterId } = useParams({ strict: false }) as { matterId: string };
  const [editing, setEditing] = useState(false);
  const query = useQuery({
    queryKey: [ipKeys.matters, matterId],
    queryFn: () => api.get(`/api/ip/matters/${matterId}`, matterDetail),
  });
  return (
    <QueryContent query={query}>
      {(m) => (
        <>
          <PageHeader
            title={`${m.office} ${m.applicationNo}`}
            crumbs={[
              { label: t('nav.section') },
              { label: t('portfolio.title'), to: '/ip' },
              { label: m.familyReference, to: `/ip/families/${m.familyId}` },
              { label: m.applicationNo },
            ]}
            description={m.familyTitle}
            actions={
              can('ip.manage') ? (
                <Button
                  variant="default"
                  leftSection={<IconEdit size={16} />}
                  onClick={() => setEditing(true)}
                >
                  {t('matter.edit')}
                </Button>
              ) : null
            }
          />
          <Stack gap="md">
            {m.problems.map((p) => (
              <Alert
                key={p.code}
                color="red"
                icon={<IconAlertTriangle size={18} />}
                title={t('portfolio.dataProblem')}
              >
                {label('problems', p.code)}
              </Alert>
            ))}
            <Paper withBorder radius="md" p="md">
              <SimpleGrid cols={{ base: 2, sm: 4 }}>
                <Fact name={t('common.office')} value={label('offices', m.office)} />
                <Fact name={t('common.kind')} value={label('kinds', m.kind)} />
                <Fact name={t('common.status')} value={label('statuses', m.status)} />
                <Fact name={t('matter.route')} value={label('routes', m.route)} />
                <Fact name={t('portfolio.filingDate')} value={m.filingDate} />
                <Fact name={t('matter.priorityDate')} value={m.priorityDate ?? '—'} />
                <Fact name={t('portfolio.grantDate')} value={m.grantDate ?? '—'} />
                <Fact name={t('portfolio.termEnd')} value={m.termEnd ?? '—'} />
                {m.office === 'US' && (
                  <Fact name={t('matter.entitySize')} value={label('entitySizes', m.entitySize)} />
                )}
                {m.office === 'EP' && (
                  <Fact
                    name={t('matter.validationStates')}
                    value={
                      m.validationStates.length
                        ? m.validationStates.map((s) => `${country(s)} (${s})`).join(', ')
                        : t('matter.noValidationStates')
                    }
                  />
                )}
                {m.office === 'EP' && (
                  <Fact
                    name={t('matter.unitaryEffect')}
                    value={m.unitaryEffect ? t('matter.unitaryYes') : t('matter.unitaryNo')}
                  />
                )}
                <Fact name={t('matter.publicationNo')} value={m.publicationNo ?? '—'} />
                <Fact name={t('matter.patentNo')} value={m.patentNo ?? '—'} />
                <Fact
                  name={t('matter.claims')}
                  value={m.claims === null ? t('matter.claimsUnknown') : String(m.claims)}
                />
                {m.termFrom && <Fact name={t('matter.termFrom')} value={m.termFrom} />}
                <Fact name={t('common.site')} value={m.siteCode} />
                <Fact
                  name={t('matter.ipcClasses')}
                  value={m.ipcClasses.length ? m.ipcClasses.join(', ') : t('matter.noClasses')}
                />
                <Fact
                  name={t('matter.cpcClasses')}
                  value={m.cpcClasses.length ? m.cpcClasses.join(', ') : t('matter.noClasses')}
                />
              </SimpleGrid>
            </Paper>
            <MatterDeadlines matter={m} />
            <MatterOfficeActions matter={m} />
            <MatterLicences matterId={m.id} />
          </Stack>
          {editing && <MatterForm familyId={m.familyId} matter={m} onClose={() => setEditing(false)} />}
        </>
      )}
    </QueryContent>
  );
}
