import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Paper,
  Skeleton,
  Text,
  Tooltip,
  Tree,
  type TreeNodeData,
} from '@mantine/core';
import {
  IconBuildingFactory,
  IconBuildingSkyscraper,
  IconChevronDown,
  IconChevronRight,
  IconPencil,
  IconPlus,
  IconSitemap,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { orgTree, type SiteView } from '#shared/platform/org/contract.ts';
import { api } from '../api/client.ts';
import { useCan } from '../auth/session.ts';
import { useCountryName, useFormat, useLocalName } from '../ui/labels.ts';
import { PageHeader } from '../ui/PageHeader.tsx';
import { ProblemAlert } from '../ui/problem.tsx';
import { useExpandedTree } from '../ui/tree.ts';
import { SiteFormModal, SubsidiaryFormModal } from './forms.tsx';

type OrgTree = z.infer<typeof orgTree>;
type Subsidiary = OrgTree['subsidiaries'][number];

export const orgTreeQuery = { queryKey: ['/api/org/tree'], queryFn: () => api.get('/api/org/tree', orgTree) };

/** Organisation: the holding, its subsidiaries and their sites, as a tree. */
export function OrgPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const localName = useLocalName();
  const countryName = useCountryName();
  const fmt = useFormat();
  const tree = useQuery(orgTreeQuery);
  const [editingSubsidiary, setEditingSubsidiary] = useState<Subsidiary | null | 'new'>(null);
  const [addingSite, setAddingSite] = useState<string | null>(null);
  const manage = can('org.manage');

  const data = tree.data;
  const nodes: TreeNodeData[] = useMemo(
    () =>
      (data?.subsidiaries ?? []).map((s) => ({
        value: `sub:${s.id}`,
        label: s.code,
        nodeProps: { subsidiary: s },
        children: s.sites.map((site) => ({
          value: `site:${site.id}`,
          label: site.code,
          nodeProps: { site },
        })),
      })),
    [data],
  );
  const treeController = useExpandedTree(nodes);

  const totalSites = data?.subsidiaries.reduce((n, s) => n + s.sites.length, 0) ?? 0;

  return (
    <>
      <PageHeader
        title={t('org.title')}
        crumbs={[{ label: t('nav.administration') }, { label: t('nav.organisation') }]}
        description={t('org.description')}
        actions={
          manage ? (
            <>
              <Button
                variant="default"
                leftSection={<IconPlus size={16} />}
                onClick={() => setEditingSubsidiary('new')}
              >
                {t('org.addSubsidiary')}
              </Button>
              <Button
                leftSection={<IconPlus size={16} />}
                onClick={() => setAddingSite('')}
                disabled={!data?.subsidiaries.length}
              >
                {t('org.addSite')}
              </Button>
            </>
          ) : null
        }
      />
      {tree.error ? <ProblemAlert error={tree.error} /> : null}
      {!data && !tree.error && <Skeleton h={300} radius="md" />}
      {data && (
        <Paper withBorder radius="md" p="md">
          <Group gap="sm" mb="sm">
            <IconSitemap size={20} />
            <Text fw={700}>{data.holding ? localName(data.holding) : t('org.noHolding')}</Text>
            {data.holding && (
              <Badge variant="light" color="gray">
                {data.holding.code}
              </Badge>
            )}
            <Text size="sm" c="dimmed">
              {t('org.summary', { subsidiaries: data.subsidiaries.length, sites: totalSites })}
            </Text>
          </Group>
          {nodes.length === 0 ? (
            <Text c="dimmed" size="sm" py="md">
              {t('org.empty')}
            </Text>
          ) : (
            <Tree
              data={nodes}
              tree={treeController}
              levelOffset={32}
              withLines
              aria-label={t('org.title')}
              renderNode={({ node, expanded, hasChildren, elementProps }) => {
                const subsidiary = node.nodeProps?.subsidiary as Subsidiary | undefined;
                const site = node.nodeProps?.site as SiteView | undefined;
                if (subsidiary) {
                  return (
                    <Group {...elementProps} gap="xs" py={6} wrap="nowrap">
                      {hasChildren ? (
                        expanded ? (
                          <IconChevronDown size={16} />
                        ) : (
                          <IconChevronRight size={16} />
                        )
                      ) : (
                        <span style={{ width: 16 }} />
                      )}
                      <IconBuildingSkyscraper size={18} />
                      <Text fw={600}>{subsidiary.code}</Text>
                      <Text>{localName(subsidiary)}</Text>
                      <Badge variant="light" size="sm">
                        {t('org.siteCount', { count: subsidiary.sites.length })}
                      </Badge>
                      {manage && (
                        <Group gap={2} ml="auto" wrap="nowrap" onClick={(e) => e.stopPropagation()}>
                          <Tooltip label={t('org.addSiteTo', { code: subsidiary.code })}>
                            <ActionIcon
                              variant="subtle"
                              onClick={() => setAddingSite(subsidiary.id)}
                              aria-label={t('org.addSiteTo', { code: subsidiary.code })}
                            >
                              <IconPlus size={16} />
                            </ActionIcon>
                          </Tooltip>
                          <Tooltip label={t('org.editSubsidiary')}>
                            <ActionIcon
                              variant="subtle"
                              onClick={() => setEditingSubsidiary(subsidiary)}
                              aria-label={t('org.editSubsidiary')}
                            >
                              <IconPencil size={16} />
                            </ActionIcon>
                          </Tooltip>
                        </Group>
                      )}
                    </Group>
                  );
                }
                if (!site) return null;
                return (
                  <Group
                    {...elementProps}
                    onClick={() => void navigate({ to: '/org/sites/$siteId', params: { siteId: site.id } })}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter')
                        void navigate({ to: '/org/sites/$siteId', params: { siteId: site.id } });
                    }}
                    gap="sm"
                    py={5}
                    wrap="nowrap"
                    style={{ ...elementProps.style, cursor: 'pointer' }}
                  >
                    <IconBuildingFactory size={16} opacity={0.7} />
                    <Text fw={600} size="sm" w={90}>
                      {site.code}
                    </Text>
                    <Text size="sm" style={{ flex: 1 }} truncate>
                      {localName(site)}
                    </Text>
                    <Text size="sm" c="dimmed" w={150} visibleFrom="md" truncate>
                      {countryName(site.country)}
                    </Text>
                    <Group w={130} justify="center" visibleFrom="md">
                      <Badge variant="outline" color="gray" size="sm">
                        {t(`org.siteKinds.${site.kind}`)}
                      </Badge>
                    </Group>
                    {!site.active && (
                      <Badge color="gray" size="sm">
                        {t('org.inactive')}
                      </Badge>
                    )}
                    <Text size="sm" c="dimmed" w={140} ta="right">
                      {t('org.employeeCount', {
                        count: site.employeeCount,
                        formatted: fmt.number(site.employeeCount),
                      })}
                    </Text>
                  </Group>
                );
              }}
            />
          )}
        </Paper>
      )}
      {editingSubsidiary !== null && (
        <SubsidiaryFormModal
          opened
          subsidiary={editingSubsidiary === 'new' ? null : editingSubsidiary}
          onClose={() => setEditingSubsidiary(null)}
        />
      )}
      {addingSite !== null && data && (
        <SiteFormModal
          opened
          site={null}
          subsidiaries={data.subsidiaries}
          defaultSubsidiaryId={addingSite || undefined}
          onClose={() => setAddingSite(null)}
          onSaved={(s) => void navigate({ to: '/org/sites/$siteId', params: { siteId: s.id } })}
        />
      )}
    </>
  );
}
