import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
  Tooltip,
  Tree,
  type TreeNodeData,
} from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import {
  type Icon,
  IconArrowsMove,
  IconAssembly,
  IconBorderOuter,
  IconBuilding,
  IconChevronDown,
  IconChevronRight,
  IconDoor,
  IconPencil,
  IconPlus,
  IconStack2,
  IconTrash,
  IconUsers,
} from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { type AreaView, areaView, siteView } from '#shared/platform/org/contract.ts';
import { api } from '../api/client.ts';
import { useCan } from '../auth/session.ts';
import { useCountryName, useFormat, useLocalName } from '../ui/labels.ts';
import { ButtonLink } from '../ui/links.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';
import { ProblemAlert, problemMessage } from '../ui/problem.tsx';
import { useExpandedTree } from '../ui/tree.ts';
import { AreaFormModal, SiteFormModal } from './forms.tsx';
import { orgTreeQuery } from './OrgPage.tsx';

const areaIcons: Record<AreaView['kind'], Icon> = {
  building: IconBuilding,
  floor: IconStack2,
  line: IconAssembly,
  room: IconDoor,
  zone: IconBorderOuter,
};

function buildTree(areas: AreaView[]): TreeNodeData[] {
  const byParent = new Map<string | null, AreaView[]>();
  for (const a of areas) {
    const list = byParent.get(a.parentId) ?? [];
    list.push(a);
    byParent.set(a.parentId, list);
  }
  const build = (parent: string | null): TreeNodeData[] =>
    (byParent.get(parent) ?? [])
      .sort((a, b) => a.code.localeCompare(b.code, undefined, { numeric: true }))
      .map((a) => {
        const children = build(a.id);
        return {
          value: a.id,
          label: a.code,
          nodeProps: { area: a },
          children: children.length ? children : undefined,
        };
      });
  return build(null);
}

type Editing = { area: AreaView | null; parentId: string | null } | null;

/** One site: its details, and its areas (buildings, floors, lines) as a tree to add to, rename, move and delete. */
export function SitePage() {
  const { t } = useTranslation();
  const { siteId } = useParams({ strict: false }) as { siteId: string };
  const can = useCan();
  const queryClient = useQueryClient();
  const localName = useLocalName();
  const countryName = useCountryName();
  const fmt = useFormat();
  const [editing, setEditing] = useState<Editing>(null);
  const [editingSite, setEditingSite] = useState(false);
  const areasKey = `/api/org/sites/${siteId}/areas`;

  const site = useQuery({
    queryKey: [`/api/org/sites/${siteId}`],
    queryFn: () => api.get(`/api/org/sites/${siteId}`, siteView),
  });
  const areas = useQuery({
    queryKey: [areasKey],
    queryFn: () => api.get(areasKey, z.object({ items: z.array(areaView) })),
  });
  const tree = useQuery({ ...orgTreeQuery, enabled: editingSite });
  const nodes = useMemo(() => buildTree(areas.data?.items ?? []), [areas.data]);
  const treeController = useExpandedTree(nodes);

  const remove = useMutation({
    mutationFn: (a: AreaView) => api.delete(`/api/org/areas/${a.id}`, { version: a.version }),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('org.areas.deleted') });
      void queryClient.invalidateQueries({ queryKey: [areasKey] });
    },
    onError: (error) =>
      notifications.show({
        color: 'red',
        title: t('errors.title'),
        message: problemMessage(error, t),
        autoClose: 8000,
      }),
  });

  const manageAreas = can('org.areas.manage');
  const s = site.data;
  const confirmDelete = (a: AreaView) =>
    modals.openConfirmModal({
      title: t('org.areas.deleteTitle'),
      children: <Text size="sm">{t('org.areas.deleteConfirm', { name: `${a.code} · ${a.name}` })}</Text>,
      labels: { confirm: t('common.delete'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () => remove.mutate(a),
    });

  if (site.error) return <ProblemAlert error={site.error} />;
  if (!s) return <Skeleton h={300} radius="md" />;

  const facts: [string, string][] = [
    [t('org.site.code'), s.code],
    [t('org.subsidiary'), s.subsidiaryCode],
    [t('org.site.country'), countryName(s.country)],
    [t('org.site.timeZone'), s.timeZone],
    [t('org.site.kind'), t(`org.siteKinds.${s.kind}`)],
    [t('home.activeEmployees'), fmt.number(s.employeeCount)],
  ];

  return (
    <>
      <PageHeader
        title={localName(s)}
        crumbs={[{ label: t('nav.organisation'), to: '/org' }, { label: s.code }]}
        description={s.nameZh && localName(s) !== s.name ? s.name : (s.nameZh ?? undefined)}
        actions={
          <>
            {can('people.read') && (
              <ButtonLink
                variant="default"
                to="/people/employees"
                search={{ siteId: s.id }}
                leftSection={<IconUsers size={16} />}
              >
                {t('org.site.employees')}
              </ButtonLink>
            )}
            {can('org.manage') && (
              <Button
                variant="default"
                leftSection={<IconPencil size={16} />}
                onClick={() => setEditingSite(true)}
              >
                {t('org.editSite')}
              </Button>
            )}
          </>
        }
      />
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
        <Paper withBorder radius="md" p="md">
          <Stack gap="xs">
            <Group justify="space-between">
              <Title order={5}>{t('org.site.details')}</Title>
              <Badge color={s.active ? 'teal' : 'gray'} variant="light">
                {s.active ? t('org.active') : t('org.inactive')}
              </Badge>
            </Group>
            {facts.map(([label, value]) => (
              <Group key={label} justify="space-between" wrap="nowrap">
                <Text size="sm" c="dimmed">
                  {label}
                </Text>
                <Text size="sm" fw={500} ta="right">
                  {value}
                </Text>
              </Group>
            ))}
          </Stack>
        </Paper>
        <Paper withBorder radius="md" p="md" style={{ gridColumn: 'span 2' }}>
          <Group justify="space-between" mb="sm" wrap="nowrap" align="flex-start">
            <div style={{ flex: 1 }}>
              <Title order={5}>{t('org.areas.title')}</Title>
              <Text size="sm" c="dimmed">
                {t('org.areas.description')}
              </Text>
            </div>
            {manageAreas && (
              <Button
                size="xs"
                leftSection={<IconPlus size={14} />}
                onClick={() => setEditing({ area: null, parentId: null })}
              >
                {t('org.areas.add')}
              </Button>
            )}
          </Group>
          {areas.error ? <ProblemAlert error={areas.error} /> : null}
          {areas.data && nodes.length === 0 && (
            <Text size="sm" c="dimmed" py="md">
              {t('org.areas.empty')}
            </Text>
          )}
          <Tree
            data={nodes}
            tree={treeController}
            levelOffset={28}
            withLines
            aria-label={t('org.areas.title')}
            renderNode={({ node, expanded, hasChildren, elementProps }) => {
              const a = node.nodeProps?.area as AreaView;
              const KindIcon = areaIcons[a.kind];
              return (
                <Group {...elementProps} gap="xs" py={4} wrap="nowrap" data-testid={`area-${a.code}`}>
                  {hasChildren ? (
                    expanded ? (
                      <IconChevronDown size={14} />
                    ) : (
                      <IconChevronRight size={14} />
                    )
                  ) : (
                    <span style={{ width: 14 }} />
                  )}
                  <KindIcon size={16} opacity={0.75} aria-hidden />
                  <Text size="sm" fw={600}>
                    {a.code}
                  </Text>
                  <Text size="sm">{a.name}</Text>
                  <Badge size="xs" variant="light" color="gray">
                    {t(`org.areaKinds.${a.kind}`)}
                  </Badge>
                  {manageAreas && (
                    <Group gap={0} ml="auto" wrap="nowrap" onClick={(e) => e.stopPropagation()}>
                      <Tooltip label={t('org.areas.addInside')}>
                        <ActionIcon
                          size="sm"
                          variant="subtle"
                          onClick={() => setEditing({ area: null, parentId: a.id })}
                          aria-label={t('org.areas.addInside')}
                        >
                          <IconPlus size={14} />
                        </ActionIcon>
                      </Tooltip>
                      <Tooltip label={t('org.areas.edit')}>
                        <ActionIcon
                          size="sm"
                          variant="subtle"
                          onClick={() => setEditing({ area: a, parentId: a.parentId })}
                          aria-label={t('org.areas.edit')}
                        >
                          <IconPencil size={14} />
                        </ActionIcon>
                      </Tooltip>
                      <Tooltip label={t('org.areas.move')}>
                        <ActionIcon
                          size="sm"
                          variant="subtle"
                          onClick={() => setEditing({ area: a, parentId: a.parentId })}
                          aria-label={t('org.areas.move')}
                        >
                          <IconArrowsMove size={14} />
                        </ActionIcon>
                      </Tooltip>
                      <Tooltip label={t('common.delete')}>
                        <ActionIcon
                          size="sm"
                          variant="subtle"
                          color="red"
                          onClick={() => confirmDelete(a)}
                          aria-label={t('common.delete')}
                        >
                          <IconTrash size={14} />
                        </ActionIcon>
                      </Tooltip>
                    </Group>
                  )}
                </Group>
              );
            }}
          />
        </Paper>
      </SimpleGrid>
      {editing && (
        <AreaFormModal
          opened
          siteId={s.id}
          area={editing.area}
          parentId={editing.parentId}
          areas={areas.data?.items ?? []}
          onClose={() => setEditing(null)}
        />
      )}
      {editingSite && tree.data && (
        <SiteFormModal
          opened
          site={s}
          subsidiaries={tree.data.subsidiaries}
          onClose={() => setEditingSite(false)}
        />
      )}
    </>
  );
}
