import {
  ActionIcon,
  Alert,
  Button,
  Checkbox,
  CopyButton,
  FileButton,
  Group,
  Image,
  NumberInput,
  Paper,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import {
  IconAlertTriangle,
  IconCamera,
  IconCheck,
  IconCircleCheck,
  IconCopy,
  IconMapPin,
  IconPhoto,
  IconX,
} from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useSearch } from '@tanstack/react-router';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type IncidentView,
  incidentInput,
  incidentKinds,
  incidentView,
} from '#shared/modules/ohs/incidents/contract.ts';
import { documentView } from '#shared/platform/documents/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { useCan } from '../../../platform/auth/session.ts';
import { useSites } from '../../../platform/people/sites.ts';
import { uploadFile, useCsrfToken } from '../../../platform/services/http.ts';
import { applyServerErrors, blankToNull, contractValidator } from '../../../platform/ui/forms.ts';
import { ButtonLink } from '../../../platform/ui/links.tsx';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { ProblemAlert, problemMessage } from '../../../platform/ui/problem.tsx';
import { isoToLocalInput, localInputToIso, ohsKeys, useAreas } from '../api.ts';
import { useOhsT } from '../i18n/index.ts';

type Kind = (typeof incidentKinds)[number];
type V = {
  siteId: string;
  areaId: string;
  kind: Kind;
  occurredAt: string;
  title: string;
  description: string;
  immediateActions: string;
  anonymous: boolean;
  commuting: boolean;
  fatalities: number | string;
  injured: number | string;
  hospitalised: number | string;
};

const MAX_PHOTOS = 10;
const anonymousKinds: Kind[] = ['near_miss', 'unsafe_condition'];
const num = (v: number | string) => (typeof v === 'number' ? v : v === '' ? 0 : Number(v));

function toPayload(v: V) {
  const people = v.kind === 'injury' || v.kind === 'illness';
  return {
    siteId: v.siteId,
    areaId: v.areaId || null,
    kind: v.kind,
    occurredAt: localInputToIso(v.occurredAt),
    title: v.title.trim(),
    description: v.description.trim(),
    immediateActions: blankToNull(v.immediateActions),
    anonymous: anonymousKinds.includes(v.kind) ? v.anonymous : false,
    commuting: people ? v.commuting : false,
    fatalities: people ? num(v.fatalities) : 0,
    injured: people ? num(v.injured) : 0,
    hospitalised: people ? num(v.hospitalised) : 0,
  };
}

/**
 * The report form, built for a phone: where, what, people and photos, one column, large targets. A QR code
 * in an area opens it as /ohs/report?site=…&area=… with both filled in.
 */
export function ReportPage() {
  const t = useOhsT();
  const { t: tp } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const csrf = useCsrfToken();
  const search = useSearch({ strict: false }) as { site?: string; area?: string };
  const { options: siteOptions, sites } = useSites();
  const [photos, setPhotos] = useState<File[]>([]);
  const [uploadProgress, setUploadProgress] = useState<{ n: number; total: number } | null>(null);
  const [done, setDone] = useState<{ incident: IncidentView; uploaded: number; failures: string[] } | null>(
    null,
  );
  const fromQr = !!search.site;
  // Phones and tablets get a button that opens the camera directly.
  const touch = useMediaQuery('(pointer: coarse)') ?? false;

  const form = useForm<V>({
    mode: 'controlled',
    initialValues: {
      siteId: search.site ?? '',
      areaId: search.area ?? '',
      kind: 'near_miss',
      occurredAt: isoToLocalInput(new Date()),
      title: '',
      description: '',
      immediateActions: '',
      anonymous: false,
      commuting: false,
      fatalities: 0,
      injured: 0,
      hospitalised: 0,
    },
    validate: contractValidator(incidentInput, toPayload),
  });
  const v = form.getValues();
  const areas = useAreas(v.siteId || null);

  // With a single site in scope, it is the one.
  useEffect(() => {
    if (!form.getValues().siteId && sites.length === 1) form.setFieldValue('siteId', sites[0].id);
  }, [sites, form]);

  const previews = useMemo(() => photos.map((f) => URL.createObjectURL(f)), [photos]);
  useEffect(
    () => () => {
      for (const u of previews) URL.revokeObjectURL(u);
    },
    [previews],
  );

  const people = v.kind === 'injury' || v.kind === 'illness';
  const canAnonymous = anonymousKinds.includes(v.kind);
  const anonymous = canAnonymous && v.anonymous;
  // An anonymous report keeps no link to its reporter, so only officers may still attach photos to it.
  const photosAllowed = !anonymous || can('ohs.manage');
  const noticeLikely = people && (num(v.fatalities) > 0 || num(v.injured) >= 3 || num(v.hospitalised) > 0);

  const submit = useMutation({
    mutationFn: async (values: V) => {
      const incident = await api.post('/api/ohs/incidents', toPayload(values), incidentView);
      const failures: string[] = [];
      let uploaded = 0;
      if (photosAllowed) {
        for (const [i, file] of photos.entries()) {
          setUploadProgress({ n: i + 1, total: photos.length });
          try {
            await uploadFile(
              '/api/documents',
              { entityType: 'ohs_incident', entityId: incident.id },
              file,
              documentView,
              csrf,
            );
            uploaded++;
          } catch (error) {
            failures.push(`${file.name}: ${problemMessage(error, tp)}`);
          }
        }
      }
      setUploadProgress(null);
      return { incident, uploaded, failures };
    },
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: [ohsKeys.incidents] });
      setDone(result);
      window.scrollTo({ top: 0 });
    },
    onError: (error) => {
      setUploadProgress(null);
      applyServerErrors(form, error);
    },
  });

  function again() {
    setDone(null);
    setPhotos([]);
    submit.reset();
    form.setValues({
      ...form.getValues(),
      kind: 'near_miss',
      occurredAt: isoToLocalInput(new Date()),
      title: '',
      description: '',
      immediateActions: '',
      anonymous: false,
      commuting: false,
      fatalities: 0,
      injured: 0,
      hospitalised: 0,
    });
    form.resetDirty();
  }

  if (done) {
    return (
      <Stack maw={560} mx="auto" gap="lg">
        <Paper withBorder radius="md" p="xl" data-testid="report-done">
          <Stack align="center" gap="sm" ta="center">
            <ThemeIcon size={56} radius="xl" color="teal" variant="light">
              <IconCircleCheck size={36} />
            </ThemeIcon>
            <Title order={2}>{t('report.doneTitle')}</Title>
            <Text c="dimmed">{t('report.doneText')}</Text>
            <Group gap="xs" wrap="nowrap">
              <Text ff="monospace" fw={700} fz={28} data-testid="report-reference">
                {done.incident.reference}
              </Text>
              <CopyButton value={done.incident.reference}>
                {({ copied, copy }) => (
                  <ActionIcon
                    variant="subtle"
                    color={copied ? 'teal' : 'gray'}
                    onClick={copy}
                    aria-label={tp('common.copy')}
                    size="lg"
                  >
                    {copied ? <IconCheck size={18} /> : <IconCopy size={18} />}
                  </ActionIcon>
                )}
              </CopyButton>
            </Group>
            {done.incident.anonymous && <Text size="sm">{t('report.doneAnonymous')}</Text>}
            {done.uploaded > 0 && (
              <Text size="sm">{t('report.photosUploaded', { count: done.uploaded })}</Text>
            )}
            {done.failures.map((f) => (
              <Alert key={f} color="orange" icon={<IconAlertTriangle size={16} />} w="100%" ta="left">
                {t('report.photoFailed', { message: f })}
              </Alert>
            ))}
            {done.incident.notice.required && (
              <Alert color="red" icon={<IconAlertTriangle size={16} />} w="100%" ta="left">
                {t('report.noticeWarning')}
              </Alert>
            )}
          </Stack>
        </Paper>
        <Stack gap="sm">
          {!done.incident.anonymous && (
            <ButtonLink
              size="md"
              to="/ohs/incidents/$incidentId"
              params={{ incidentId: done.incident.id }}
              fullWidth
            >
              {t('report.viewReport')}
            </ButtonLink>
          )}
          <Button size="md" variant="default" onClick={again} fullWidth>
            {t('report.another')}
          </Button>
        </Stack>
      </Stack>
    );
  }

  return (
    <Stack maw={640} mx="auto" gap={0}>
      <PageHeader title={t('report.title')} description={t('report.intro')} />
      <form onSubmit={form.onSubmit((values) => submit.mutate(values))} noValidate>
        <Stack gap="md">
          {submit.error ? <ProblemAlert error={submit.error} /> : null}

          <Paper withBorder radius="md" p="md">
            <Stack gap="sm">
              <Group gap={6}>
                <IconMapPin size={18} />
                <Title order={4}>{t('report.where')}</Title>
              </Group>
              {fromQr && (
                <Text size="sm" c="teal">
                  {t('report.areaFromQr')}
                </Text>
              )}
              <Select
                size="md"
                label={t('common.site')}
                data={siteOptions}
                searchable
                required
                openOnFocus={false}
                data-autofocus={!fromQr || undefined}
                {...form.getInputProps('siteId')}
                onChange={(value) => {
                  form.setFieldValue('siteId', value ?? '');
                  form.setFieldValue('areaId', '');
                }}
              />
              <Select
                size="md"
                label={t('common.area')}
                placeholder={v.siteId ? t('common.noArea') : t('report.chooseSiteFirst')}
                data={(areas.data ?? []).map((a) => ({ value: a.id, label: `${a.code} · ${a.name}` }))}
                disabled={!v.siteId}
                searchable
                clearable
                {...form.getInputProps('areaId')}
                value={v.areaId || null}
                onChange={(value) => form.setFieldValue('areaId', value ?? '')}
              />
            </Stack>
          </Paper>

          <Paper withBorder radius="md" p="md">
            <Stack gap="sm">
              <Title order={4}>{t('report.what')}</Title>
              <Radio.Group
                label={t('report.kindLabel')}
                required
                {...form.getInputProps('kind')}
                onChange={(value) => {
                  form.setFieldValue('kind', value as Kind);
                  if (!anonymousKinds.includes(value as Kind)) form.setFieldValue('anonymous', false);
                }}
              >
                <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" mt={6}>
                  {incidentKinds.map((k) => (
                    <Radio.Card key={k} value={k} radius="md" p="sm" data-testid={`kind-${k}`}>
                      <Group wrap="nowrap" align="flex-start" gap="sm">
                        <Radio.Indicator mt={2} />
                        <div>
                          <Text fw={600} size="sm">
                            {t(`kinds.${k}`)}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {t(`kindHints.${k}`)}
                          </Text>
                        </div>
                      </Group>
                    </Radio.Card>
                  ))}
                </SimpleGrid>
              </Radio.Group>
              <TextInput
                size="md"
                type="datetime-local"
                label={t('report.when')}
                required
                max={isoToLocalInput(new Date())}
                {...form.getInputProps('occurredAt')}
              />
              <TextInput
                size="md"
                label={t('report.titleLabel')}
                placeholder={t('report.titlePlaceholder')}
                required
                maxLength={200}
                {...form.getInputProps('title')}
              />
              <Textarea
                size="md"
                label={t('report.description')}
                placeholder={t('report.descriptionPlaceholder')}
                required
                autosize
                minRows={3}
                {...form.getInputProps('description')}
              />
              <Textarea
                size="md"
                label={t('report.immediateActions')}
                placeholder={t('report.immediateActionsPlaceholder')}
                autosize
                minRows={2}
                {...form.getInputProps('immediateActions')}
              />
              {canAnonymous ? (
                <Checkbox
                  size="md"
                  label={t('report.anonymous')}
                  description={t('report.anonymousHint')}
                  {...form.getInputProps('anonymous', { type: 'checkbox' })}
                />
              ) : (
                <Text size="xs" c="dimmed">
                  {t('report.anonymousOnly')}
                </Text>
              )}
            </Stack>
          </Paper>

          {people && (
            <Paper withBorder radius="md" p="md">
              <Stack gap="sm">
                <Title order={4}>{t('report.people')}</Title>
                <SimpleGrid cols={3} spacing="xs">
                  <NumberInput
                    size="md"
                    label={t('report.fatalities')}
                    min={0}
                    max={1000}
                    allowDecimal={false}
                    allowNegative={false}
                    {...form.getInputProps('fatalities')}
                  />
                  <NumberInput
                    size="md"
                    label={t('report.injured')}
                    min={0}
                    max={1000}
                    allowDecimal={false}
                    allowNegative={false}
                    {...form.getInputProps('injured')}
                  />
                  <NumberInput
                    size="md"
                    label={t('report.hospitalised')}
                    min={0}
                    max={1000}
                    allowDecimal={false}
                    allowNegative={false}
                    {...form.getInputProps('hospitalised')}
                  />
                </SimpleGrid>
                {noticeLikely && (
                  <Alert color="red" icon={<IconAlertTriangle size={16} />} data-testid="notice-warning">
                    {t('report.noticeWarning')}
                  </Alert>
                )}
                <Checkbox
                  size="md"
                  label={t('report.commuting')}
                  description={t('report.commutingHint')}
                  {...form.getInputProps('commuting', { type: 'checkbox' })}
                />
              </Stack>
            </Paper>
          )}

          <Paper withBorder radius="md" p="md">
            <Stack gap="sm">
              <Title order={4}>{t('report.photos')}</Title>
              {photosAllowed ? (
                <>
                  <Text size="xs" c="dimmed">
                    {t('report.photosHint')}
                  </Text>
                  {photos.length > 0 && (
                    <SimpleGrid cols={{ base: 3, xs: 4 }} spacing="xs">
                      {photos.map((file, i) => (
                        <div
                          key={`${file.name}-${file.size}-${file.lastModified}`}
                          style={{ position: 'relative' }}
                        >
                          <Image src={previews[i]} alt={file.name} radius="sm" h={96} fit="cover" />
                          <ActionIcon
                            pos="absolute"
                            top={4}
                            right={4}
                            size="sm"
                            color="dark"
                            variant="filled"
                            aria-label={`${t('common.remove')} ${file.name}`}
                            onClick={() => setPhotos(photos.filter((_, j) => j !== i))}
                          >
                            <IconX size={14} />
                          </ActionIcon>
                        </div>
                      ))}
                    </SimpleGrid>
                  )}
                  <Group grow gap="xs">
                    {touch && (
                      <FileButton
                        onChange={(file) => file && setPhotos([...photos, file].slice(0, MAX_PHOTOS))}
                        accept="image/*"
                        capture="environment"
                      >
                        {(props) => (
                          <Button
                            {...props}
                            size="md"
                            leftSection={<IconCamera size={18} />}
                            disabled={photos.length >= MAX_PHOTOS}
                          >
                            {t('report.takePhoto')}
                          </Button>
                        )}
                      </FileButton>
                    )}
                    <FileButton
                      onChange={(files) => setPhotos([...photos, ...files].slice(0, MAX_PHOTOS))}
                      accept="image/*"
                      multiple
                    >
                      {(props) => (
                        <Button
                          {...props}
                          size="md"
                          variant="light"
                          leftSection={touch ? <IconPhoto size={18} /> : <IconCamera size={18} />}
                          disabled={photos.length >= MAX_PHOTOS}
                          data-testid="add-photos"
                        >
                          {touch ? t('report.choosePhotos') : t('report.addPhotos')}
                        </Button>
                      )}
                    </FileButton>
                  </Group>
                </>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('report.photosAnonymous')}
                </Text>
              )}
            </Stack>
          </Paper>

          <Button type="submit" size="lg" loading={submit.isPending} fullWidth>
            {t('report.submit')}
          </Button>
          {uploadProgress && (
            <Text size="sm" c="dimmed" ta="center">
              {t('report.uploading', { n: uploadProgress.n, total: uploadProgress.total })}
            </Text>
          )}
        </Stack>
      </form>
    </Stack>
  );
}
