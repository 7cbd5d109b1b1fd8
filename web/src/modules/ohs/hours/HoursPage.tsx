import { Alert, Button, Group, Paper, ScrollArea, Select, Table, Tabs, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconDeviceFloppy, IconFileImport, IconTable } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { z } from 'zod';
import { hoursView } from '#shared/modules/ohs/hours/contract.ts';
import { ApiError, api } from '../../../platform/api/client.ts';
import { useCan } from '../../../platform/auth/session.ts';
import { ImportWizard } from '../../../platform/imports/ImportWizard.tsx';
import { useSites } from '../../../platform/people/sites.ts';
import { useFormat } from '../../../platform/ui/labels.ts';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { ProblemAlert } from '../../../platform/ui/problem.tsx';
import { ohsKeys } from '../api.ts';
import { useOhsT } from '../i18n/index.ts';

type Hours = z.infer<typeof hoursView>;
type Field = 'employeeHours' | 'nonEmployeeHours';
const AMOUNT = /^\d{1,12}(\.\d{1,2})?$/;
const months = Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0'));

const template = 'site_code,month,employee_hours,non_employee_hours\nASE-KH,2026-01,3456789.5,412000\n';

/** Hours worked per site and month: an editable grid of a year (employees and other workers apart), or an import. */
export function HoursPage() {
  const t = useOhsT();
  const fmt = useFormat();
  const can = useCan();
  const queryClient = useQueryClient();
  const { sites } = useSites();
  const manage = can('ohs.manage');
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState<number>(thisYear);
  const [tab, setTab] = useState<string | null>('grid');
  const [edits, setEdits] = useState<Record<string, string>>({});
  const [stale, setStale] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);

  const query = useQuery({
    queryKey: [ohsKeys.hours, year],
    queryFn: () => api.get('/api/ohs/hours', z.object({ items: z.array(hoursView) }), { year }),
  });
  const byKey = useMemo(() => {
    const map = new Map<string, Hours>();
    for (const h of query.data?.items ?? []) map.set(`${h.siteId}|${h.month}`, h);
    return map;
  }, [query.data]);

  const key = (siteId: string, month: string, field: Field) => `${siteId}|${year}-${month}|${field}`;
  const value = (siteId: string, month: string, field: Field) => {
    const k = key(siteId, month, field);
    if (k in edits) return edits[k];
    const stored = byKey.get(`${siteId}|${year}-${month}`)?.[field] ?? '';
    return stored.replace(/\.0+$/, '');
  };
  const invalid = Object.values(edits).some((v) => v !== '' && !AMOUNT.test(v));
  const changed = new Set(Object.keys(edits).map((k) => k.split('|').slice(0, 2).join('|')));

  async function save() {
    setSaving(true);
    setSaveError(null);
    const staleNow: string[] = [];
    let saved = 0;
    for (const cell of changed) {
      const [siteId, month] = cell.split('|');
      const existing = byKey.get(cell);
      const m = month.slice(5);
      const employeeHours = value(siteId, m, 'employeeHours') || '0';
      const nonEmployeeHours = value(siteId, m, 'nonEmployeeHours') || '0';
      try {
        await api.put('/api/ohs/hours', {
          siteId,
          month,
          employeeHours,
          nonEmployeeHours,
          ...(existing ? { version: existing.version } : {}),
        });
        saved++;
        setEdits((prev) =>
          Object.fromEntries(Object.entries(prev).filter(([k]) => !k.startsWith(`${cell}|`))),
        );
      } catch (error) {
        if (error instanceof ApiError && error.status === 409) staleNow.push(month);
        else {
          setSaveError(error);
          break;
        }
      }
    }
    setStale(staleNow);
    setSaving(false);
    if (saved) notifications.show({ color: 'teal', message: t('hours.savedCount', { count: saved }) });
    void queryClient.invalidateQueries({ queryKey: [ohsKeys.hours] });
    void queryClient.invalidateQueries({ queryKey: [ohsKeys.statistics] });
  }

  function reload() {
    setEdits({});
    setStale([]);
    void queryClient.invalidateQueries({ queryKey: [ohsKeys.hours] });
  }

  const total = (siteId: string, field: Field) =>
    months.reduce((sum, m) => {
      const v = value(siteId, m, field);
      return sum + (AMOUNT.test(v) ? Number(v) : 0);
    }, 0);

  const years = Array.from({ length: 8 }, (_, i) => String(thisYear - i));

  return (
    <>
      <PageHeader
        title={t('hours.title')}
        crumbs={[{ label: t('nav.section'), to: '/ohs' }, { label: t('hours.title') }]}
        description={t('hours.description')}
      />
      <Tabs value={tab} onChange={setTab}>
        <Tabs.List mb="md">
          <Tabs.Tab value="grid" leftSection={<IconTable size={16} />}>
            {t('hours.grid')}
          </Tabs.Tab>
          {manage && (
            <Tabs.Tab value="import" leftSection={<IconFileImport size={16} />}>
              {t('hours.import')}
            </Tabs.Tab>
          )}
        </Tabs.List>
        <Tabs.Panel value="grid">
          <Group justify="space-between" mb="sm" align="flex-end">
            <Select
              label={t('common.year')}
              data={years}
              value={String(year)}
              onChange={(v) => {
                setEdits({});
                setYear(Number(v ?? thisYear));
              }}
              allowDeselect={false}
              w={120}
            />
            {manage && (
              <Group gap="xs">
                {changed.size > 0 && (
                  <Button variant="default" onClick={() => setEdits({})}>
                    {t('hours.discard')}
                  </Button>
                )}
                <Button
                  leftSection={<IconDeviceFloppy size={16} />}
                  disabled={changed.size === 0 || invalid}
                  loading={saving}
                  onClick={() => void save()}
                >
                  {changed.size ? t('hours.saveChanges', { count: changed.size }) : t('common.save')}
                </Button>
              </Group>
            )}
          </Group>
          {!manage && (
            <Text size="sm" c="dimmed" mb="sm">
              {t('hours.readOnly')}
            </Text>
          )}
          {invalid && (
            <Alert color="red" mb="sm" icon={<IconAlertTriangle size={16} />}>
              {t('hours.invalid')}
            </Alert>
          )}
          {stale.map((m) => (
            <Alert
              key={m}
              color="yellow"
              mb="sm"
              title={t('common.changedTitle')}
              icon={<IconAlertTriangle size={16} />}
            >
              <Group justify="space-between">
                <Text size="sm">{t('hours.staleRow', { month: m })}</Text>
                <Button size="xs" variant="white" color="yellow" onClick={reload}>
                  {t('hours.reload')}
                </Button>
              </Group>
            </Alert>
          ))}
          {saveError ? <ProblemAlert error={saveError} /> : null}
          {query.error ? <ProblemAlert error={query.error} /> : null}
          <Paper withBorder radius="md">
            <ScrollArea type="auto" offsetScrollbars="x">
              <Table
                withColumnBorders
                verticalSpacing={4}
                horizontalSpacing={6}
                miw={1360}
                aria-label={t('hours.title')}
              >
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th
                      w={150}
                      style={{
                        position: 'sticky',
                        left: 0,
                        background: 'var(--mantine-color-body)',
                        zIndex: 1,
                      }}
                    >
                      {t('common.site')}
                    </Table.Th>
                    <Table.Th w={110} />
                    {months.map((m) => (
                      <Table.Th key={m} style={{ textAlign: 'right' }}>
                        {fmt.monthShort(Number(m))}
                      </Table.Th>
                    ))}
                    <Table.Th style={{ textAlign: 'right' }}>{t('hours.yearTotal')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {sites.map((s) =>
                    (['employeeHours', 'nonEmployeeHours'] as const).map((field, row) => (
                      <Table.Tr key={`${s.id}-${field}`}>
                        {row === 0 && (
                          <Table.Td
                            rowSpan={2}
                            style={{
                              position: 'sticky',
                              left: 0,
                              background: 'var(--mantine-color-body)',
                              zIndex: 1,
                            }}
                          >
                            <Text size="sm" fw={600}>
                              {s.code}
                            </Text>
                          </Table.Td>
                        )}
                        <Table.Td>
                          <Text size="xs" c="dimmed">
                            {field === 'employeeHours' ? t('common.employees') : t('common.nonEmployees')}
                          </Text>
                        </Table.Td>
                        {months.map((m) => {
                          const k = key(s.id, m, field);
                          const v = value(s.id, m, field);
                          const edited = k in edits;
                          const bad = v !== '' && !AMOUNT.test(v);
                          return (
                            <Table.Td key={m} p={2}>
                              {manage ? (
                                <TextInput
                                  size="xs"
                                  inputMode="decimal"
                                  aria-label={`${s.code} ${year}-${m} ${field === 'employeeHours' ? t('hours.employeeHours') : t('hours.nonEmployeeHours')}`}
                                  value={v}
                                  onChange={(e) => {
                                    const next = e.currentTarget.value.replace(/[,\s]/g, '');
                                    setEdits((prev) => ({ ...prev, [k]: next }));
                                  }}
                                  error={bad}
                                  styles={{
                                    input: {
                                      textAlign: 'right',
                                      fontVariantNumeric: 'tabular-nums',
                                      background: edited ? 'var(--mantine-color-yellow-light)' : undefined,
                                    },
                                  }}
                                />
                              ) : (
                                <Text size="xs" ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                                  {v ? fmt.number(Number(v)) : ''}
                                </Text>
                              )}
                            </Table.Td>
                          );
                        })}
                        <Table.Td style={{ textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>
                          <Text size="xs" fw={600}>
                            {fmt.number(total(s.id, field))}
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                    )),
                  )}
                </Table.Tbody>
              </Table>
            </ScrollArea>
          </Paper>
        </Tabs.Panel>
        {manage && (
          <Tabs.Panel value="import">
            <ImportWizard
              kind="ohs_hours"
              template={{ filename: 'ohs-hours-template.csv', csv: template }}
              expected={[
                ['site_code', true],
                ['month', true],
                ['employee_hours', true],
                ['non_employee_hours', false],
              ]}
              invalidate={[ohsKeys.hours, ohsKeys.statistics]}
            />
          </Tabs.Panel>
        )}
      </Tabs>
    </>
  );
}
