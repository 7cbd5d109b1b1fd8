import { Badge, Button, Select, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import type { z } from 'zod';
import { riskCasePage, riskDirections, riskKinds, riskSteps } from '#shared/modules/ip/risk/contract.ts';
import { useCan } from '../../../platform/auth/session.ts';
import { SiteFilter } from '../../../platform/people/SiteFilter.tsx';
import { type Column, DataTable } from '../../../platform/ui/DataTable.tsx';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { useIpLabel, useIpT } from '../i18n/index.ts';
import { RiskCaseForm } from './RiskCaseForm.tsx';

type Row = z.infer<typeof riskCasePage>['items'][number];

/** The register of IP risk cases, with the step each has reached, its costs and the incident it names. */
export function RiskCasesPage() {
  const t = useIpT();
  const label = useIpLabel();
  const can = useCan();
  const navigate = useNavigate();
  const [siteId, setSiteId] = useState<string | null>(null);
  const [kind, setKind] = useState<string | null>(null);
  const [direction, setDirection] = useState<string | null>(null);
  const [step, setStep] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>('true');
  const [adding, setAdding] = useState(false);
  const columns: Column<Row>[] = [
    {
      key: 'reference',
      header: t('risk.reference'),
      sortKey: 'reference',
      render: (x) => (
        <Text ff="monospace" size="sm" fw={600}>
          {x.reference}
        </Text>
      ),
    },
    { key: 'title', header: t('risk.caseTitle'), render: (x) => x.title },
    { key: 'kind', header: t('risk.kind'), sortKey: 'kind', render: (x) => label('riskKinds', x.kind) },
    { key: 'direction', header: t('risk.direction'), render: (x) => label('riskDirections', x.direction) },
    { key: 'site', header: t('common.site'), render: (x) => x.siteCode },
    {
      key: 'step',
      header: t('risk.step'),
      sortKey: 'step',
      render: (x) => <Badge variant="light">{label('riskSteps', x.step)}</Badge>,
    },
    { key: 'stepOn', header: t('risk.stepOn'), sortKey: 'stepOn', render: (x) => x.stepOn },
    {
      key: 'outcome',
      header: t('risk.outcome'),
      render: (x) => (x.outcome ? label('riskOutcomes', x.outcome) : '—'),
    },
    {
      key: 'costs',
      header: t('risk.costs'),
      render: (x) =>
        x.costs.map((k) => `${k.currency} ${Number(k.amount).toLocaleString()}`).join(' · ') || '—',
    },
    { key: 'incident', header: t('risk.incident'), render: (x) => x.incident?.reference ?? '—' },
  ];
  return (
    <>
      <PageHeader
        title={t('risk.title')}
        crumbs={[{ label: t('nav.section') }, { label: t('risk.title') }]}
        description={t('risk.description')}
        actions={
          can('ip.manage') ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
              {t('risk.add')}
            </Button>
          ) : null
        }
      />
      <DataTable
        label={t('risk.title')}
        endpoint="/api/ip/risk-cases"
        schema={riskCasePage}
        columns={columns}
        rowKey={(x) => x.id}
        defaultSort="stepOn"
        defaultOrder="desc"
        searchPlaceholder={t('risk.search')}
        filters={{
          siteId: siteId ?? undefined,
          kind: kind ?? undefined,
          direction: direction ?? undefined,
          step: step ?? undefined,
          open: open ?? undefined,
        }}
        filterBar={
          <>
            <SiteFilter value={siteId} onChange={setSiteId} w={160} />
            <Select
              aria-label={t('risk.kind')}
              placeholder={t('risk.allKinds')}
              data={riskKinds.map((x) => ({ value: x, label: label('riskKinds', x) }))}
              value={kind}
              onChange={setKind}
              clearable
              w={200}
            />
            <Select
              aria-label={t('risk.direction')}
              placeholder={t('risk.allDirections')}
              data={riskDirections.map((x) => ({ value: x, label: label('riskDirections', x) }))}
              value={direction}
              onChange={setDirection}
              clearable
              w={200}
            />
            <Select
              aria-label={t('risk.step')}
              placeholder={t('risk.allSteps')}
              data={riskSteps.map((x) => ({ value: x, label: label('riskSteps', x) }))}
              value={step}
              onChange={setStep}
              clearable
              w={170}
            />
            <Select
              aria-label={t('risk.state')}
              placeholder={t('risk.anyState')}
              data={[
                { value: 'true', label: t('risk.open') },
                { value: 'false', label: t('risk.closedCases') },
              ]}
              value={open}
              onChange={setOpen}
              clearable
              w={170}
            />
          </>
        }
        exportPath="/api/ip/risk-cases/export.csv"
        exportXlsxPath="/api/ip/risk-cases/export.xlsx"
        onRowClick={(x) => void navigate({ to: '/ip/risk-cases/$caseId', params: { caseId: x.id } })}
        emptyTitle={t('risk.emptyTitle')}
        emptyHint={t('risk.emptyHint')}
      />
      {adding && <RiskCaseForm record={null} onClose={() => setAdding(false)} />}
    </>
  );
}
