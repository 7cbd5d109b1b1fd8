import { Badge, Button, Select, Switch, Tabs, Text } from '@mantine/core';
import { IconBook, IconChartBar, IconFileImport, IconListCheck, IconPlus } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { coursePage, trainingDomains } from '#shared/platform/training/contract.ts';
import { useCan } from '../auth/session.ts';
import { type Column, DataTable } from '../ui/DataTable.tsx';
import { ButtonLink } from '../ui/links.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';
import { type Course, CourseFormModal } from './CourseForm.tsx';
import { CompletionsTable, DomainBadge, useCourseTitle, YearlyFigures } from './parts.tsx';
import type { Tab, TrainingSearch } from './search.ts';
import { useTrainingLabel, useTrainingT } from './texts.ts';

function Courses({ manage }: { manage: boolean }) {
  const t = useTrainingT();
  const label = useTrainingLabel();
  const title = useCourseTitle();
  const navigate = useNavigate();
  const [domain, setDomain] = useState<string | null>(null);
  const [activeOnly, setActiveOnly] = useState(true);
  const [adding, setAdding] = useState(false);
  const columns: Column<Course>[] = [
    {
      key: 'code',
      header: t('courses.code'),
      sortKey: 'code',
      render: (c) => (
        <Text size="sm" ff="monospace" fw={600}>
          {c.code}
        </Text>
      ),
    },
    { key: 'title', header: t('courses.title'), sortKey: 'title', wrap: true, render: (c) => title(c) },
    {
      key: 'domain',
      header: t('courses.domain'),
      sortKey: 'domain',
      render: (c) => <DomainBadge domain={c.domain} />,
    },
    { key: 'audience', header: t('courses.audience'), render: (c) => label('audiences', c.audience) },
    {
      key: 'recurrence',
      header: t('courses.recurrence'),
      render: (c) =>
        c.recurrenceMonths ? t('courses.everyMonths', { count: c.recurrenceMonths }) : t('courses.once'),
    },
    { key: 'hours', header: t('courses.hours'), align: 'right', render: (c) => c.hours },
    { key: 'site', header: t('courses.site'), render: (c) => c.siteCode ?? t('courses.groupWide') },
    {
      key: 'active',
      header: '',
      render: (c) =>
        c.active ? null : (
          <Badge miw="max-content" variant="outline" color="gray">
            {t('courses.inactive')}
          </Badge>
        ),
    },
  ];
  return (
    <>
      <DataTable
        label={t('tabs.courses')}
        endpoint="/api/training/courses"
        schema={coursePage}
        columns={columns}
        rowKey={(c) => c.id}
        defaultSort="code"
        searchPlaceholder={t('courses.search')}
        filters={{ domain: domain ?? undefined, active: activeOnly ? 'true' : undefined }}
        filterBar={
          <>
            <Select
              aria-label={t('courses.domain')}
              placeholder={t('courses.anyDomain')}
              data={trainingDomains.map((d) => ({ value: d, label: label('domains', d) }))}
              value={domain}
              onChange={setDomain}
              clearable
              w={200}
            />
            <Switch
              label={t('courses.activeOnly')}
              checked={activeOnly}
              onChange={(e) => setActiveOnly(e.currentTarget.checked)}
              mb={8}
            />
          </>
        }
        actions={
          manage ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
              {t('courses.add')}
            </Button>
          ) : null
        }
        onRowClick={(c) => void navigate({ to: '/training/courses/$courseId', params: { courseId: c.id } })}
        emptyTitle={t('courses.empty')}
        emptyHint={manage ? t('courses.emptyHint') : undefined}
      />
      {adding && (
        <CourseFormModal
          course={null}
          onClose={() => setAdding(false)}
          onSaved={(c) => void navigate({ to: '/training/courses/$courseId', params: { courseId: c.id } })}
        />
      )}
    </>
  );
}

/** Training: courses, completions (with import and export), and the year's figures per domain. */
export function TrainingPage() {
  const t = useTrainingT();
  const can = useCan();
  const navigate = useNavigate();
  const search = useSearch({ strict: false }) as TrainingSearch;
  const tab: Tab = search.tab ?? 'courses';
  const manage = can('training.manage');
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <Tabs
        value={tab}
        onChange={(v) =>
          void navigate({
            search: (v === 'courses' ? {} : { tab: v }) as never,
            replace: true,
          } as never)
        }
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="courses" leftSection={<IconBook size={16} />}>
            {t('tabs.courses')}
          </Tabs.Tab>
          <Tabs.Tab value="completions" leftSection={<IconListCheck size={16} />}>
            {t('tabs.completions')}
          </Tabs.Tab>
          <Tabs.Tab value="figures" leftSection={<IconChartBar size={16} />}>
            {t('tabs.figures')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="courses">
          <Courses manage={manage} />
        </Tabs.Panel>
        <Tabs.Panel value="completions">
          <CompletionsTable
            actions={
              manage ? (
                <ButtonLink to="/training/import" leftSection={<IconFileImport size={16} />}>
                  {t('completions.import')}
                </ButtonLink>
              ) : null
            }
          />
        </Tabs.Panel>
        <Tabs.Panel value="figures">
          <YearlyFigures />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
