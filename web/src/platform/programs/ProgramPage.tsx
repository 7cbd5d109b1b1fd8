import { Badge, Group, List, Paper, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCircleDashedCheck, IconHourglassHigh } from '@tabler/icons-react';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { en } from '../i18n/en.ts';
import { webModules } from '../modules/manifest.ts';
import { NotFoundPage } from '../shell/NotFoundPage.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';

type ProgramTexts = typeof en.programs;
/** The programs with texts of their own (name, summary, what is coming, who it is for). */
type ProgramTextKey = {
  [K in keyof ProgramTexts]: ProgramTexts[K] extends { coming: unknown } ? K : never;
}[keyof ProgramTexts];

/** A program whose module is not built yet: what it is for and what it will do, from the group's own report. */
export function ProgramPage() {
  const { t } = useTranslation();
  const { program } = useParams({ strict: false }) as { program: string };
  const module = webModules().find((m) => m.key === program);
  if (!module) return <NotFoundPage />;
  // The program texts of the navigation's entries, under programs.<key>.
  const p = module.key as ProgramTextKey;
  const Icon = module.icon;
  const coming = t(`programs.${p}.coming`, { returnObjects: true }) as string[];
  const who = t(`programs.${p}.who`, { returnObjects: true }) as string[];

  return (
    <>
      <PageHeader
        title={t(`programs.${p}.name`)}
        crumbs={[{ label: t('nav.programs') }, { label: t(`programs.${p}.name`) }]}
        description={t(`programs.${p}.summary`)}
      />
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
        <Paper withBorder radius="md" p="lg" style={{ gridColumn: 'span 2' }}>
          <Group gap="sm" mb="md">
            <ThemeIcon size={36} radius="md" variant="light">
              <Icon size={22} />
            </ThemeIcon>
            <div>
              <Group gap="xs">
                <Title order={4}>{t('programs.comingTitle')}</Title>
                <Badge color="yellow" variant="light" leftSection={<IconHourglassHigh size={12} />}>
                  {t('programs.inPreparation')}
                </Badge>
              </Group>
              <Text size="sm" c="dimmed">
                {t('programs.comingIntro')}
              </Text>
            </div>
          </Group>
          <List
            spacing="sm"
            icon={
              <ThemeIcon size={22} radius="xl" variant="light" color="teal">
                <IconCircleDashedCheck size={14} />
              </ThemeIcon>
            }
          >
            {coming.map((line) => (
              <List.Item key={line}>
                <Text size="sm">{line}</Text>
              </List.Item>
            ))}
          </List>
        </Paper>
        <Stack gap="lg">
          <Paper withBorder radius="md" p="lg">
            <Title order={5} mb="xs">
              {t('programs.whoTitle')}
            </Title>
            <List size="sm" spacing={6}>
              {who.map((line) => (
                <List.Item key={line}>{line}</List.Item>
              ))}
            </List>
          </Paper>
          <Paper withBorder radius="md" p="lg">
            <Title order={5} mb="xs">
              {t('programs.meanwhileTitle')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('programs.meanwhile')}
            </Text>
          </Paper>
        </Stack>
      </SimpleGrid>
    </>
  );
}
