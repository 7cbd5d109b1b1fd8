import { Badge, Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { programDetail } from '#shared/modules/academia/program-contract.ts';
import { api } from '../../../platform/api/client.ts';
import { useCan, useSession } from '../../../platform/auth/session.ts';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { ProblemAlert } from '../../../platform/ui/problem.tsx';
import { useAcademiaT } from '../i18n/index.ts';
import { ProgramForm, programsKey } from './ProgramForm.tsx';

/** One program: its names, owners, sites and years, and the records under it at the reader's sites. */
export function ProgramPage() {
  const t = useAcademiaT();
  const { i18n } = useTranslation();
  const zh = i18n.language === 'zh-TW';
  const can = useCan();
  const session = useSession();
  const { programId } = useParams({ strict: false }) as { programId: string };
  const [editing, setEditing] = useState(false);
  const query = useQuery({
    queryKey: [programsKey, programId],
    queryFn: () => api.get(`${programsKey}/${programId}`, programDetail),
  });
  const p = query.data;
  if (query.error) return <ProblemAlert error={query.error} />;
  if (!p) return null;
  const title = zh ? p.nameZh : p.name;
  // The server decides; the button is offered to managers, and to the program's own owners.
  const mayEdit = can('academia.manage') || p.owners.some((o) => o.userId === session.user.id);
  const counts = [
    ['interns', p.counts.interns],
    ['courses', p.counts.courses],
    ['scholarships', p.counts.scholarships],
    ['mentorships', p.counts.mentorships],
    ['projects', p.counts.projects],
  ] as const;
  return (
    <>
      <PageHeader
        title={title}
        crumbs={[
          { label: t('nav.section') },
          { label: t('programs.title'), to: '/academia/programs' },
          { label: title },
        ]}
        actions={
          mayEdit ? (
            <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)}>
              {t('programs.edit')}
            </Button>
          ) : null
        }
      />
      <Paper withBorder p="md" mb="md">
        <Stack gap="xs">
          <Group gap="xs">
            <Badge variant="light">{t(`programs.kinds.${p.kind}`)}</Badge>
            {/* The code the program owner gave it: not words to translate. */}
            <Text size="sm" c="dimmed" translate="no">
              {p.code}
            </Text>
          </Group>
          <Text size="sm">
            {t('programs.name')}: {p.name} · {t('programs.nameZh')}: {p.nameZh}
          </Text>
          <Text size="sm">
            {t('programs.years')}:{' '}
            {p.activeFrom || p.activeTo
              ? `${p.activeFrom ?? '…'}–${p.activeTo ?? t('programs.ongoing')}`
              : '—'}
          </Text>
          <Text size="sm">
            {t('programs.owners')}: {p.owners.map((o) => o.displayName).join(', ') || '—'}
          </Text>
          <Text size="sm">
            {t('programs.sites')}: {p.sites.map((s) => s.siteCode).join(', ') || '—'}
          </Text>
          {p.description && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {p.description}
            </Text>
          )}
        </Stack>
      </Paper>
      <Text fw={600} mb="xs">
        {t('programs.under')}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        {counts.map(([key, n]) => (
          <Paper key={key} withBorder p="md" data-testid={`program-count-${key}`}>
            <Text size="xs" c="dimmed">
              {t(`programs.counts.${key}`)}
            </Text>
            <Text size="xl" fw={700}>
              {n}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      {editing && <ProgramForm record={p} onClose={() => setEditing(false)} />}
    </>
  );
}
