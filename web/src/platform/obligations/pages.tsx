import { Center, Loader, Paper } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { obligationView } from '#shared/platform/obligations/contract.ts';
import { api } from '../api/client.ts';
import { useServicesT } from '../services/texts.ts';
import { PageHeader } from '../ui/PageHeader.tsx';
import { ProblemAlert } from '../ui/problem.tsx';
import { ObligationsView } from './ObligationsView.tsx';
import { CalendarFeedButton, ObligationDetail, useObligationCommands } from './parts.tsx';
import { useObligationsT } from './texts.ts';

export function MyObligationsPage() {
  const t = useObligationsT();
  return (
    <>
      <PageHeader
        title={t('mine.title')}
        description={t('mine.description')}
        actions={<CalendarFeedButton />}
      />
      <ObligationsView view="mine" />
    </>
  );
}

export function SiteCalendarPage() {
  const t = useObligationsT();
  return (
    <>
      <PageHeader title={t('scope.title')} description={t('scope.description')} />
      <ObligationsView view="scope" />
    </>
  );
}

/** One obligation, as a notification links to it. */
export function ObligationPage() {
  const t = useObligationsT();
  const ts = useServicesT();
  const { obligationId } = useParams({ strict: false }) as { obligationId: string };
  const commands = useObligationCommands();
  const query = useQuery({
    queryKey: ['/api/obligations', obligationId],
    queryFn: () => api.get(`/api/obligations/${obligationId}`, obligationView),
  });
  return (
    <>
      <PageHeader
        title={query.data?.title ?? t('detail.title')}
        crumbs={[{ label: ts('nav.myObligations'), to: '/obligations' }, { label: t('detail.title') }]}
      />
      {query.error ? <ProblemAlert error={query.error} /> : null}
      {query.isLoading && (
        <Center py="xl">
          <Loader />
        </Center>
      )}
      {query.data && (
        <Paper withBorder radius="md" p="lg" maw={720}>
          <ObligationDetail o={query.data} commands={commands} />
        </Paper>
      )}
      {commands.modal}
    </>
  );
}
