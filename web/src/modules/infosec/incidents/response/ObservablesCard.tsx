import {
  ActionIcon,
  Badge,
  Button,
  Code,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import {
  observableKinds,
  type ResponseView,
  responseView,
} from '#shared/modules/infosec/response/contract.ts';
import {
  guessObservableKind,
  normaliseObservable,
  type ObservableKind,
} from '#shared/modules/infosec/rules/observables.ts';
import { api } from '../../../../platform/api/client.ts';
import { AnchorLink } from '../../../../platform/ui/links.tsx';
import { ProblemAlert } from '../../../../platform/ui/problem.tsx';
import { useInfosecLabel, useInfosecT } from '../../i18n/index.ts';
import { useResponseWrite } from './api.ts';

/** One line to record an observable: the kind is guessed from what is pasted, and checked before it is sent. */
function AddObservable({ incidentId }: { incidentId: string }) {
  const t = useInfosecT();
  const label = useInfosecLabel();
  const [value, setValue] = useState('');
  const [kind, setKind] = useState<ObservableKind | null>(null);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const add = useResponseWrite(
    incidentId,
    (input: { kind: ObservableKind; value: string; note: string | null }) =>
      api.post(`/api/infosec/incidents/${incidentId}/observables`, input, responseView),
    () => {
      setValue('');
      setKind(null);
      setNote('');
    },
  );
  const submit = () => {
    const chosen = kind ?? guessObservableKind(value);
    if (!chosen) return setProblem(t('response.pickKind'));
    const checked = normaliseObservable(chosen, value);
    if (!checked.ok) return setProblem(checked.problem);
    setProblem(null);
    add.mutate({ kind: chosen, value, note: note.trim() || null });
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack gap="xs">
        <Group gap="xs" align="flex-start" grow preventGrowOverflow={false}>
          <TextInput
            label={t('response.value')}
            value={value}
            error={problem}
            onChange={(e) => {
              setValue(e.currentTarget.value);
              setProblem(null);
            }}
            style={{ flex: 3 }}
          />
          <Select
            label={t('response.kind')}
            data={observableKinds.map((k) => ({ value: k, label: label('response.kinds', k) }))}
            value={kind ?? guessObservableKind(value)}
            onChange={(v) => setKind(v as ObservableKind | null)}
            allowDeselect={false}
            style={{ flex: 2 }}
          />
          <TextInput
            label={t('response.note')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            style={{ flex: 2 }}
          />
        </Group>
        {add.error ? <ProblemAlert error={add.error} /> : null}
        <Group justify="flex-end">
          <Button size="xs" type="submit" disabled={!value.trim()} loading={add.isPending}>
            {t('response.addObservable')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The incident's observables, each with the other incidents and the advisories the reader may see that carry it. */
export function ObservablesCard({ incidentId, response }: { incidentId: string; response: ResponseView }) {
  const t = useInfosecT();
  const label = useInfosecLabel();
  const remove = useResponseWrite(incidentId, (id: string) =>
    api.delete(`/api/infosec/incident-observables/${id}`).then(() => undefined),
  );
  return (
    <Paper withBorder p="md" radius="md" data-testid="response-observables">
      <Title order={5}>{t('response.observables')}</Title>
      <Text size="xs" c="dimmed" mb="xs">
        {t('response.observablesHint')}
      </Text>
      {remove.error ? <ProblemAlert error={remove.error} /> : null}
      <Stack gap="xs">
        {response.observables.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('response.noObservables')}
          </Text>
        )}
        {response.observables.map((o) => (
          <Group key={o.id} justify="space-between" wrap="nowrap" align="flex-start">
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Group gap={6} wrap="nowrap">
                <Badge size="sm" variant="light">
                  {o.hash ?? label('response.kinds', o.kind)}
                </Badge>
                <Code style={{ wordBreak: 'break-all' }}>{o.value}</Code>
              </Group>
              {o.note && (
                <Text size="xs" c="dimmed">
                  {o.note}
                </Text>
              )}
              {(o.incidents.length > 0 || o.advisories.length > 0) && (
                <Text size="xs">
                  {o.incidents.length > 0 && `${t('response.alsoOn')}: `}
                  {o.incidents.map((i, n) => (
                    <span key={i.id}>
                      {n > 0 && ', '}
                      <AnchorLink to="/infosec/incidents/$incidentId" params={{ incidentId: i.id }} size="xs">
                        {i.reference}
                      </AnchorLink>
                    </span>
                  ))}
                  {o.incidents.length > 0 && o.advisories.length > 0 && ' · '}
                  {o.advisories.length > 0 && `${t('response.inAdvisory')}: `}
                  {o.advisories.map((a, n) => (
                    <span key={a.id}>
                      {n > 0 && ', '}
                      <AnchorLink
                        to="/infosec/advisories/$advisoryId"
                        params={{ advisoryId: a.id }}
                        size="xs"
                      >
                        {a.title}
                      </AnchorLink>
                    </span>
                  ))}
                </Text>
              )}
            </Stack>
            {response.mayManage && (
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={`${t('response.remove')} ${o.value}`}
                loading={remove.isPending && remove.variables === o.id}
                onClick={() => remove.mutate(o.id)}
              >
                <IconTrash size={16} />
              </ActionIcon>
            )}
          </Group>
        ))}
        {response.mayManage && <AddObservable incidentId={incidentId} />}
      </Stack>
    </Paper>
  );
}
