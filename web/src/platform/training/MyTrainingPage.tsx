import { useQuery } from '@tanstack/react-query';
import { trainingDueView } from '#shared/platform/training/contract.ts';
import { api } from '../api/client.ts';
import { PageHeader } from '../ui/PageHeader.tsx';
import { ProblemAlert } from '../ui/problem.tsx';
import { TrainingDueList } from './TrainingDue.tsx';
import { useTrainingT } from './texts.ts';

/** My training: the courses that concern the signed-in person and when each is due. */
export function MyTrainingPage() {
  const t = useTrainingT();
  const mine = useQuery({
    queryKey: ['/api/training/mine'],
    queryFn: () => api.get('/api/training/mine', trainingDueView),
  });
  return (
    <>
      <PageHeader title={t('mine.title')} description={t('mine.description')} />
      {mine.error ? <ProblemAlert error={mine.error} /> : <TrainingDueList data={mine.data} />}
    </>
  );
}
