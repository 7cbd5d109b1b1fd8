import { Badge, Group, Paper, Text, ThemeIcon, Title } from '@mantine/core';
import { IconHourglassHigh } from '@tabler/icons-react';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { webModules } from '../modules/manifest.ts';
import { programNameKey } from '../modules/program-names.ts';
import { NotFoundPage } from '../shell/NotFoundPage.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';

/**
 * The entry page of a program whose module brings no pages of its own yet (a module with pages routes
 * `/programs/<key>` itself): its name and that it is in preparation.
 */
export function ProgramPage() {
  const { t } = useTranslation();
  const { program } = useParams({ strict: false }) as { program: string };
  const module = webModules().find((m) => m.key === program);
  if (!module) return <NotFoundPage />;
  const name = t(programNameKey(module.key));
  const Icon = module.icon;
  return (
    <>
      <PageHeader title={name} crumbs={[{ label: t('nav.programs') }, { label: name }]} />
      <Paper withBorder radius="md" p="lg" maw={720}>
        <Group gap="sm" mb="sm">
          <ThemeIcon size={36} radius="md" variant="light">
            <Icon size={22} />
          </ThemeIcon>
          <Title order={4}>{name}</Title>
          <Badge color="yellow" variant="light" leftSection={<IconHourglassHigh size={12} />}>
            {t('programs.inPreparation')}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {t('programs.inPreparationIntro')}
        </Text>
        <Text size="sm" c="dimmed" mt="xs">
          {t('programs.meanwhile')}
        </Text>
      </Paper>
    </>
  );
}
