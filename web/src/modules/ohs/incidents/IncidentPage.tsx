import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Tabs,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import {
  IconAlarm,
  IconAlertTriangle,
  IconCircleCheck,
  IconEdit,
  IconPhoto,
  IconSearch,
  IconTrash,
  IconUsers,
} from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import {
  type IncidentView,
  incidentInput,
  incidentKinds,
  incidentPatch,
  incidentView,
} from '#shared/modules/ohs/incidents/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { useCan } from '../../../platform/auth/session.ts';
import { useWrite } from '../../../platform/services/mutation.ts';
import { FormModal } from '../../../platform/ui/FormModal.tsx';
import { blankToNull } from '../../../platform/ui/forms.ts';
import { useFormat } from '../../../platform/ui/labels.ts';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { ProblemAlert } from '../../../platform/ui/problem.tsx';
import { useRecordForm } from '../../../platform/ui/useRecordForm.ts';
import { isoToLocalInput, localInputToIso, ohsKeys, useAreas } from '../api.ts';
import { useOhsLabel, useOhsT } from '../i18n/index.ts';
import { formatDuration, InvestigationBadge, KindBadge, useNow } from './badges.tsx';
import { InjuriesPanel } from './InjuriesPanel.tsx';
import { InvestigationPanel } from './InvestigationPanel.tsx';
import { PhotosPanel } from './PhotosPanel.tsx';

export const incidentQuery = (id: string) => ({
  queryKey: [ohsKeys.incidents, id],
  queryFn: () => api.get(`/api/ohs/incidents/${id}`, incidentView),
});

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text size="sm" component="div" style={{ whiteSpace: 'pre-wrap' }}>
        {children}
      </Text>
    </div>
  );
}

/** The 8-hour notice to the labour authority: a live countdown, and the action that records it. */
function NoticeCard({ incident, manage }: { incident: IncidentView; manage: boolean }) {
  const t = useOhsT();
  const fmt = useFormat();
  const { notice } = incident;
  const now = useNow(1000);
  const [open, setOpen] = useState(false);
  const [at, setAt] = useState(isoToLocalInput(new Date()));
  const [reference, setReference] = useState('');
  const save = useWrite(
    (body: { authorityNotifiedAt: string | null; authorityReference: string | null }) =>
      api.patch(`/api/ohs/incidents/${incident.id}`, { ...body, version: incident.version }, incidentView),
    {
      invalidate: [ohsKeys.incidents, ohsKeys.obligations, '/api/home'],
      success: t('notice.recorded'),
      onSuccess: () => setOpen(false),
    },
  );
  if (!notice.required) return null;
  const left = notice.dueAt ? new Date(notice.dueAt).getTime() - now : 0;
  const done = !!notice.notifiedAt;
  const color = done ? 'teal' : left < 0 ? 'red' : left < 2 * 3600_000 ? 'orange' : 'yellow';
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      mb="md"
      style={{ borderColor: `var(--mantine-color-${color}-6)`, borderWidth: 2 }}
      data-testid="notice-card"
    >
      <Group justify="space-between" align="center" wrap="wrap" gap="md">
        <Group gap="md" wrap="nowrap" align="center">
          {done ? (
            <IconCircleCheck size={36} color="var(--mantine-color-teal-6)" />
          ) : (
            <IconAlarm size={36} color={`var(--mantine-color-${color}-6)`} />
          )}
          <div>
            <Text fw={700}>{t('notice.title')}</Text>
            {done ? (
              <Text size="sm">
                {t('notice.notifiedAt', { at: fmt.siteTime(notice.notifiedAt, incident.timeZone) })}
                {notice.reference ? ` · ${t('notice.authorityReference')}: ${notice.reference}` : ''}
              </Text>
            ) : (
              <>
                <Text size="sm" c="dimmed">
                  {t('notice.required')}{' '}
                  {t('notice.dueAt', { at: fmt.siteTime(notice.dueAt, incident.timeZone) })}
                </Text>
                <Text
                  fz={28}
                  fw={700}
                  c={color}
                  style={{ fontVariantNumeric: 'tabular-nums' }}
                  data-testid="notice-countdown"
                >
                  {left < 0
                    ? t('notice.overdueBy', { time: formatDuration(left) })
                    : t('notice.timeLeft', { time: formatDuration(left) })}
                </Text>
              </>
            )}
          </div>
        </Group>
        {manage && !done && (
          <Button color={color === 'red' ? 'red' : undefined} onClick={() => setOpen(true)}>
            {t('notice.record')}
          </Button>
        )}
        {manage && done && (
          <Button
            variant="subtle"
            color="gray"
            size="xs"
            onClick={() => save.mutate({ authorityNotifiedAt: null, authorityReference: null })}
          >
            {t('notice.undo')}
          </Button>
        )}
      </Group>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('notice.recordTitle')}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate({
              authorityNotifiedAt: localInputToIso(at),
              authorityReference: blankToNull(reference),
            });
          }}
        >
          <Stack>
            {save.error ? <ProblemAlert error={save.error} /> : null}
            <TextInput
              type="datetime-local"
              label={t('notice.when')}
              value={at}
              onChange={(e) => setAt(e.currentTarget.value)}
              required
              data-autofocus
            />
            <TextInput
              label={t('notice.authorityReference')}
              value={reference}
              onChange={(e) => setReference(e.currentTarget.value)}
              maxLength={100}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpen(false)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={save.isPending}>
                {t('notice.record')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Paper>
  );
}

type EditValues = {
  areaId: string;
  kind: string;
  occurredAt: string;
  title: string;
  description: string;
  immediateActions: string;
  commuting: boolean;
  fatalities: number | string;
  injured: number | string;
  hospitalised: number | string;
};
const n = (v: number | string) => (typeof v === 'number' ? v : Number(v || 0));

function EditIncidentModal({ incident, onClose }: { incident: IncidentView; onClose: () => void }) {
  const t = useOhsT();
  const label = useOhsLabel();
  const queryClient = useQueryClient();
  const areas = useAreas(incident.siteId);
  const f = useRecordForm({
    record: incident,
    blank: {} as EditValues,
    toValues: (i): EditValues => ({
      areaId: i.areaId ?? '',
      kind: i.kind,
      occurredAt: isoToLocalInput(i.occurredAt),
      title: i.title,
      description: i.description,
      immediateActions: i.immediateActions ?? '',
      commuting: i.commuting,
      fatalities: i.fatalities,
      injured: i.injured,
      hospitalised: i.hospitalised,
    }),
    toPayload: (v: EditValues) => ({
      areaId: v.areaId || null,
      kind: v.kind as IncidentView['kind'],
      occurredAt: localInputToIso(v.occurredAt),
      title: v.title.trim(),
      description: v.description.trim(),
      immediateActions: blankToNull(v.immediateActions),
      commuting: v.commuting,
      fatalities: n(v.fatalities),
      injured: n(v.injured),
      hospitalised: n(v.hospitalised),
    }),
    createSchema: incidentInput,
    patchSchema: incidentPatch,
    create: () => Promise.reject(new Error('not used')),
    update: (id, body) => api.patch(`/api/ohs/incidents/${id}`, body, incidentView),
    fetch: (id) => api.get(`/api/ohs/incidents/${id}`, incidentView),
    invalidate: [ohsKeys.incidents, '/api/home'],
    onSaved: (saved) => {
      queryClient.setQueryData([ohsKeys.incidents, saved.id], saved);
      onClose();
    },
  });
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('incident.editDetails')}
      onSubmit={f.submit}
      busy={f.save.isPending}
      error={f.formError}
      onReload={() => void f.reload()}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('common.kind')}
          data={incidentKinds.map((k) => ({ value: k, label: label('kinds', k) }))}
          openOnFocus={false}
          data-autofocus
          {...f.form.getInputProps('kind')}
        />
        <TextInput
          type="datetime-local"
          label={t('incident.occurredAt')}
          {...f.form.getInputProps('occurredAt')}
        />
      </SimpleGrid>
      <Select
        label={t('common.area')}
        placeholder={t('common.noArea')}
        data={(areas.data ?? []).map((a) => ({ value: a.id, label: `${a.code} · ${a.name}` }))}
        searchable
        clearable
        {...f.form.getInputProps('areaId')}
        value={f.form.getValues().areaId || null}
        onChange={(v) => f.form.setFieldValue('areaId', v ?? '')}
      />
      <TextInput label={t('report.titleLabel')} required {...f.form.getInputProps('title')} />
      <Textarea
        label={t('incident.description')}
        required
        autosize
        minRows={3}
        {...f.form.getInputProps('description')}
      />
      <Textarea
        label={t('incident.immediateActions')}
        autosize
        minRows={2}
        {...f.form.getInputProps('immediateActions')}
      />
      <SimpleGrid cols={3}>
        <NumberInput
          label={t('report.fatalities')}
          min={0}
          allowDecimal={false}
          {...f.form.getInputProps('fatalities')}
        />
        <NumberInput
          label={t('report.injured')}
          min={0}
          allowDecimal={false}
          {...f.form.getInputProps('injured')}
        />
        <NumberInput
          label={t('report.hospitalised')}
          min={0}
          allowDecimal={false}
          {...f.form.getInputProps('hospitalised')}
        />
      </SimpleGrid>
      <Checkbox
        label={t('report.commuting')}
        description={t('report.commutingHint')}
        {...f.form.getInputProps('commuting', { type: 'checkbox' })}
      />
    </FormModal>
  );
}

/** One incident: details, the 8-hour notice, the people injured, photos and the investigation. */
export function IncidentPage() {
  const t = useOhsT();
  const fmt = useFormat();
  const can = useCan();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { incidentId } = useParams({ strict: false }) as { incidentId: string };
  const search = useSearch({ strict: false }) as { tab?: string };
  const query = useQuery(incidentQuery(incidentId));
  const [editing, setEditing] = useState(false);
  const manage = can('ohs.manage');
  const reader = can('ohs.read');
  const tab = search.tab ?? 'details';

  if (query.error) {
    return (
      <>
        <PageHeader
          title={t('incidents.title')}
          crumbs={[{ label: t('nav.section') }, { label: t('incidents.title'), to: '/ohs/incidents' }]}
        />
        <ProblemAlert error={query.error} />
      </>
    );
  }
  const incident = query.data;
  if (!incident) return <Skeleton h={300} radius="md" />;

  const setTab = (value: string | null) =>
    void navigate({
      to: '/ohs/incidents/$incidentId',
      params: { incidentId },
      search: { tab: value ?? undefined },
      replace: true,
    });

  function remove() {
    if (!incident) return;
    modals.openConfirmModal({
      title: t('incident.deleteConfirmTitle'),
      children: <Text size="sm">{t('incident.deleteConfirm')}</Text>,
      labels: { confirm: t('incident.delete'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: async () => {
        try {
          await api.delete(`/api/ohs/incidents/${incident.id}`, { version: incident.version });
          notifications.show({ color: 'teal', message: t('incident.deleted') });
          void queryClient.invalidateQueries({ queryKey: [ohsKeys.incidents] });
          void navigate({ to: '/ohs/incidents' });
        } catch (error) {
          notifications.show({ color: 'red', message: (error as Error).message });
        }
      },
    });
  }

  return (
    <>
      <PageHeader
        title={`${incident.reference} · ${incident.title}`}
        crumbs={[
          { label: t('nav.section'), to: reader ? '/ohs' : undefined },
          { label: t('incidents.title'), to: '/ohs/incidents' },
          { label: incident.reference },
        ]}
        actions={
          manage ? (
            <>
              <Button variant="default" leftSection={<IconEdit size={16} />} onClick={() => setEditing(true)}>
                {t('incident.editDetails')}
              </Button>
              <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={remove}>
                {t('incident.delete')}
              </Button>
            </>
          ) : null
        }
      />
      <Group gap="xs" mt={-8} mb="md">
        <KindBadge kind={incident.kind} />
        {incident.investigationStatus && <InvestigationBadge status={incident.investigationStatus} />}
        <Text size="sm" c="dimmed">
          {incident.siteCode}
          {incident.areaName ? ` · ${incident.areaName}` : ''} ·{' '}
          {fmt.siteTime(incident.occurredAt, incident.timeZone)}
        </Text>
      </Group>
      <NoticeCard incident={incident} manage={manage} />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="details">{t('incident.details')}</Tabs.Tab>
          <Tabs.Tab
            value="injuries"
            leftSection={<IconUsers size={16} />}
            rightSection={
              incident.injuries.length ? (
                <Badge size="xs" variant="light" circle>
                  {incident.injuries.length}
                </Badge>
              ) : null
            }
          >
            {t('incident.injuries')}
          </Tabs.Tab>
          <Tabs.Tab
            value="photos"
            leftSection={<IconPhoto size={16} />}
            rightSection={
              incident.photoCount ? (
                <Badge size="xs" variant="light" circle>
                  {incident.photoCount}
                </Badge>
              ) : null
            }
          >
            {t('incident.photos')}
          </Tabs.Tab>
          {reader && (
            <Tabs.Tab value="investigation" leftSection={<IconSearch size={16} />}>
              {t('incident.investigation')}
            </Tabs.Tab>
          )}
        </Tabs.List>
        <Tabs.Panel value="details">
          <Paper withBorder radius="md" p="lg">
            <Stack gap="md">
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <Field label={t('incident.occurredAt')}>
                  {fmt.siteTime(incident.occurredAt, incident.timeZone)}
                </Field>
                <Field label={t('incident.area')}>{incident.areaName ?? t('common.noArea')}</Field>
                <Field label={t('incident.reportedBy')}>
                  {incident.anonymous ? t('incident.reportedAnonymously') : (incident.reportedByName ?? '—')}
                </Field>
              </SimpleGrid>
              <Field label={t('incident.description')}>{incident.description}</Field>
              <Field label={t('incident.immediateActions')}>{incident.immediateActions ?? '—'}</Field>
              <Field label={t('incident.headCounts')}>
                {t('incident.headCountsValue', {
                  fatalities: incident.fatalities,
                  injured: incident.injured,
                  hospitalised: incident.hospitalised,
                })}
              </Field>
              {incident.commuting && (
                <Alert color="gray" icon={<IconAlertTriangle size={16} />}>
                  {t('incident.commuting')}
                </Alert>
              )}
            </Stack>
          </Paper>
        </Tabs.Panel>
        <Tabs.Panel value="injuries">
          <InjuriesPanel incident={incident} manage={manage} />
        </Tabs.Panel>
        <Tabs.Panel value="photos">
          <PhotosPanel incident={incident} manage={manage} />
        </Tabs.Panel>
        {reader && (
          <Tabs.Panel value="investigation">
            <InvestigationPanel incident={incident} manage={manage} />
          </Tabs.Panel>
        )}
      </Tabs>
      {editing && <EditIncidentModal incident={incident} onClose={() => setEditing(false)} />}
    </>
  );
}
