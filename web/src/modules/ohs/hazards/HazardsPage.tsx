import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconDownload, IconPlus, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { z } from 'zod';
import { hazardPage, hazardView, riskMatrixView } from '#shared/modules/ohs/hazards/contract.ts';
import { api, buildUrl } from '../../../platform/api/client.ts';
import { useCan } from '../../../platform/auth/session.ts';
import { SiteFilter } from '../../../platform/people/SiteFilter.tsx';
import { useSites } from '../../../platform/people/sites.ts';
import { useWrite } from '../../../platform/services/mutation.ts';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { ProblemAlert } from '../../../platform/ui/problem.tsx';
import { ohsKeys } from '../api.ts';
import { useOhsT } from '../i18n/index.ts';
import { HazardForm } from './HazardForm.tsx';
import { HazardMatrixCard, type MatrixView } from './HazardMatrixCard.tsx';
import { HazardRegister } from './HazardRegister.tsx';

type Hazard = z.infer<typeof hazardView>;

/** The risk matrix with counts, and the hazard register, worst residual risk first. */
export function HazardsPage() {
  const t = useOhsT();
  const can = useCan();
  const { options: siteOptions } = useSites();
  const manage = can('ohs.manage');
  const [siteId, setSiteId] = useState<string | null>(null);
  const [view, setView] = useState<MatrixView>('residual');
  const [cell, setCell] = useState<{ l: number; s: number } | null>(null);
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 300);
  const [editing, setEditing] = useState<Hazard | 'new' | null>(null);
  const matrix = useQuery({
    queryKey: [ohsKeys.hazards, 'matrix'],
    queryFn: () => api.get('/api/ohs/risk-matrix', riskMatrixView),
    staleTime: 5 * 60_000,
  });
  const params = {
    siteId: siteId ?? undefined,
    q: q || undefined,
    pageSize: 500,
    sort: 'residualScore',
    order: 'desc',
  };
  const list = useQuery({
    queryKey: [ohsKeys.hazards, params],
    queryFn: () => api.get('/api/ohs/hazards', hazardPage, params),
  });
  const items = list.data?.items ?? [];
  const counts = useMemo(() => {
    const map = new Map<string, number>();
    for (const h of items) {
      const k =
        view === 'residual'
          ? `${h.residualLikelihood}x${h.residualSeverity}`
          : `${h.likelihood}x${h.severity}`;
      map.set(k, (map.get(k) ?? 0) + 1);
    }
    return map;
  }, [items, view]);
  const shown = cell
    ? items.filter((h) =>
        view === 'residual'
          ? h.residualLikelihood === cell.l && h.residualSeverity === cell.s
          : h.likelihood === cell.l && h.severity === cell.s,
      )
    : items;
  const review = useWrite(
    ({ h, patch }: { h: Hazard; patch: Record<string, unknown> }) =>
      api.patch(`/api/ohs/hazards/${h.id}`, { ...patch, version: h.version }, hazardView),
    { invalidate: [ohsKeys.hazards], success: t('common.saved') },
  );

  return (
    <>
      <PageHeader
        title={t('hazards.title')}
        crumbs={[{ label: t('nav.section'), to: '/ohs' }, { label: t('hazards.title') }]}
        description={t('hazards.description')}
        actions={
          <>
            <Button
              component="a"
              href={buildUrl('/api/ohs/hazards/export.xlsx', {
                siteId: siteId ?? undefined,
                q: q || undefined,
              })}
              download
              variant="default"
              leftSection={<IconDownload size={16} />}
            >
              XLSX
            </Button>
            {manage && matrix.data && (
              <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
                {t('hazards.add')}
              </Button>
            )}
          </>
        }
      />
      <Stack gap="md">
        <Group gap="sm" align="flex-end">
          <SiteFilter value={siteId} onChange={setSiteId} w={240} />
          <TextInput
            aria-label={t('common.search')}
            placeholder={t('common.search')}
            leftSection={<IconSearch size={16} />}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            w={240}
          />
        </Group>
        {list.error ? <ProblemAlert error={list.error} /> : null}
        {review.error ? <ProblemAlert error={review.error} onReload={() => void list.refetch()} /> : null}
        <Stack gap="md">
          <HazardMatrixCard
            matrix={matrix.data}
            counts={counts}
            view={view}
            onView={(x) => {
              setView(x);
              setCell(null);
            }}
            cell={cell}
            onSelect={setCell}
          />
          <HazardRegister
            shown={shown}
            loaded={!!list.data}
            manage={manage}
            cell={cell}
            onClearCell={() => setCell(null)}
            onEdit={setEditing}
            onReview={(h, patch) => review.mutate({ h, patch })}
          />
        </Stack>
      </Stack>
      {editing && matrix.data && (
        <HazardForm
          hazard={editing === 'new' ? null : editing}
          matrix={matrix.data}
          defaultSiteId={siteId ?? (siteOptions.length === 1 ? siteOptions[0].value : undefined)}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
