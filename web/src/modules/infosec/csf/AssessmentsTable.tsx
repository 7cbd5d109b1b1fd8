import { Group, SegmentedControl, Select, Text } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import {
  type AssessmentSummary,
  assessmentPage,
  assessmentStatuses,
} from '#shared/modules/infosec/csf/contract.ts';
import { type Column, DataTable } from '../../../platform/ui/DataTable.tsx';
import { useInfosecLabel, useInfosecT } from '../i18n/index.ts';
import { AnsweredBar, CsfStatusBadge, ScoreText } from './parts.tsx';

/** Assessments (of a campaign, or the reader's own) with their status, assessor and progress. */
export function CsfAssessmentsTable({
  campaignId,
  mine,
  label: tableLabel,
}: {
  campaignId?: string;
  mine?: boolean;
  label: string;
}) {
  const t = useInfosecT();
  const label = useInfosecLabel();
  const navigate = useNavigate();
  const [status, setStatus] = useState<string | null>(null);
  const [domain, setDomain] = useState('all');
  const columns: Column<AssessmentSummary>[] = [
    ...(mine
      ? [{ key: 'year', header: t('csf.year'), sortKey: 'year', render: (a: AssessmentSummary) => a.year }]
      : []),
    {
      key: 'site',
      header: t('csf.site'),
      render: (a) => (
        <Text size="sm" fw={500}>
          {a.siteCode} · {a.siteName}
        </Text>
      ),
    },
    { key: 'domain', header: t('csf.domain'), render: (a) => label('domains', a.domain) },
    { key: 'revision', header: t('csf.revision'), render: (a) => a.revision },
    {
      key: 'status',
      header: t('csf.status'),
      sortKey: 'status',
      render: (a) => <CsfStatusBadge status={a.status} />,
    },
    {
      key: 'assessor',
      header: t('csf.assessor'),
      wrap: true,
      render: (a) => (
        <div>
          <Text size="sm">{a.assessorName ?? '—'}</Text>
          {a.consultancy && (
            <Text size="xs" c="dimmed">
              {a.consultancy}
            </Text>
          )}
        </div>
      ),
    },
    {
      key: 'answered',
      header: t('csf.answered'),
      render: (a) => <AnsweredBar answered={a.answered} toAnswer={a.toAnswer} w={90} />,
    },
    { key: 'score', header: t('csf.score'), align: 'right', render: (a) => <ScoreText score={a.score} /> },
  ];
  return (
    <DataTable
      label={tableLabel}
      endpoint="/api/infosec/csf/assessments"
      schema={assessmentPage}
      columns={columns}
      rowKey={(a) => a.id}
      defaultSort={mine ? 'year' : 'status'}
      defaultOrder={mine ? 'desc' : 'asc'}
      view={{ campaignId, mine: mine ? 'true' : undefined }}
      filters={{ status: status ?? undefined, domain: domain === 'all' ? undefined : domain }}
      searchable={false}
      filterBar={
        <Group gap="xs">
          <Select
            aria-label={t('csf.status')}
            placeholder={t('csf.allStatuses')}
            data={assessmentStatuses.map((s) => ({ value: s, label: label('csfStatuses', s) }))}
            value={status}
            onChange={setStatus}
            clearable
            w={170}
          />
          <SegmentedControl
            aria-label={t('csf.domain')}
            data={[
              { value: 'all', label: t('csf.allDomains') },
              { value: 'it', label: label('domains', 'it') },
              { value: 'ot', label: label('domains', 'ot') },
            ]}
            value={domain}
            onChange={setDomain}
          />
        </Group>
      }
      onRowClick={(a) =>
        void navigate({ to: '/infosec/csf/assessments/$assessmentId', params: { assessmentId: a.id } })
      }
      emptyTitle={t('csf.emptyTitle')}
      emptyHint={mine ? t('csf.mineEmpty') : t('csf.emptyHint')}
    />
  );
}
