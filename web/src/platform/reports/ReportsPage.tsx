import { Button, Group, Paper, Select, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { type Icon, IconFileSpreadsheet, IconFileTypePdf, IconSitemap } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { buildUrl } from '../api/client.ts';
import { useCan } from '../auth/session.ts';
import { currentLocale, type Locale, localeNames } from '../i18n/index.ts';
import { webModules } from '../modules/manifest.ts';
import { PageHeader } from '../ui/PageHeader.tsx';
import { useReportsT } from './texts.ts';

type Report = {
  key: string;
  group: 'platform' | 'programs';
  icon: Icon;
  permission: string;
  byYear: boolean;
  /** Title and description: the platform's reports' from its texts, a module's from its i18n keys. */
  texts?: { titleKey: string; descriptionKey: string };
  url: (format: 'pdf' | 'xlsx') => string;
};

/**
 * The reports Steward renders, each as PDF and XLSX through the report kit: the platform's, then the
 * reports the program modules declare in their manifests.
 */
function allReports(): Report[] {
  return [
    {
      key: 'organisation',
      group: 'platform',
      icon: IconSitemap,
      permission: 'org.read',
      byYear: false,
      url: (format) => `/api/reports/organisation.${format}`,
    },
    ...webModules().flatMap((m) =>
      (m.reports ?? []).map(
        (r): Report => ({
          key: r.key,
          group: 'programs',
          icon: r.icon,
          permission: r.permission,
          byYear: r.byYear,
          texts: { titleKey: r.titleKey, descriptionKey: r.descriptionKey },
          url: r.url,
        }),
      ),
    ),
  ];
}

function ReportCard({ report }: { report: Report }) {
  const t = useReportsT();
  const { t: translate } = useTranslation();
  const moduleText = (key: string) => (translate as unknown as (k: string) => string)(key);
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(String(thisYear));
  const [locale, setLocale] = useState<Locale>(currentLocale());
  const title = report.texts
    ? moduleText(report.texts.titleKey)
    : t(`reports.${report.key as 'organisation'}.title`);
  const query = { locale, ...(report.byYear ? { year } : {}) };
  const Icon = report.icon;
  return (
    <Paper withBorder radius="md" p="lg" data-testid={`report-${report.key}`}>
      <Stack gap="sm" h="100%" justify="space-between">
        <div>
          <Group gap="sm" wrap="nowrap" mb={6}>
            <ThemeIcon variant="light" radius="md" size="lg">
              <Icon size={20} />
            </ThemeIcon>
            <Title order={4}>{title}</Title>
          </Group>
          <Text size="sm" c="dimmed">
            {report.texts
              ? moduleText(report.texts.descriptionKey)
              : t(`reports.${report.key as 'organisation'}.description`)}
          </Text>
        </div>
        <Group gap="sm" align="flex-end">
          {report.byYear && (
            <Select
              label={t('year')}
              data={Array.from({ length: 6 }, (_, i) => String(thisYear - i))}
              value={year}
              onChange={(v) => v && setYear(v)}
              allowDeselect={false}
              w={100}
            />
          )}
          <Select
            label={t('language')}
            data={(Object.keys(localeNames) as Locale[]).map((l) => ({ value: l, label: localeNames[l] }))}
            value={locale}
            onChange={(v) => v && setLocale(v as Locale)}
            allowDeselect={false}
            w={130}
          />
        </Group>
        <Group gap="sm">
          <Button
            component="a"
            href={buildUrl(report.url('pdf'), query)}
            download
            leftSection={<IconFileTypePdf size={16} />}
            aria-label={t('download', { report: title, format: 'PDF' })}
          >
            {t('pdf')}
          </Button>
          <Button
            component="a"
            href={buildUrl(report.url('xlsx'), query)}
            download
            variant="default"
            leftSection={<IconFileSpreadsheet size={16} />}
            aria-label={t('download', { report: title, format: 'XLSX' })}
          >
            {t('xlsx')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** Every report the user may read, by group: the organisation, then the programs' Board reports. */
export function ReportsPage() {
  const t = useReportsT();
  const can = useCan();
  const visible = allReports().filter((r) => can(r.permission));
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      {visible.length === 0 && <Text c="dimmed">{t('none')}</Text>}
      <Stack gap="xl">
        {(['platform', 'programs'] as const).map((group) => {
          const items = visible.filter((r) => r.group === group);
          if (!items.length) return null;
          return (
            <Stack key={group} gap="sm">
              <Text size="xs" fw={700} c="dimmed" tt="uppercase">
                {t(group)}
              </Text>
              <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
                {items.map((r) => (
                  <ReportCard key={r.key} report={r} />
                ))}
              </SimpleGrid>
            </Stack>
          );
        })}
      </Stack>
    </>
  );
}
