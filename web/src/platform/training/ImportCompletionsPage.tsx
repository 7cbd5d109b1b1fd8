import { ImportWizard } from '../imports/ImportWizard.tsx';
import { ButtonLink } from '../ui/links.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';
import { trainingKeys } from './CourseForm.tsx';
import { useTrainingT } from './texts.ts';

const template = {
  filename: 'training-completions.csv',
  csv: 'person_no,course_code,completed_on,hours,result\nE000123,SAFE-101,2026-03-02,3,passed\n',
};

/** Training completions from a spreadsheet, through the import pipeline. */
export function ImportCompletionsPage() {
  const t = useTrainingT();
  return (
    <>
      <PageHeader
        title={t('import.title')}
        description={t('import.description')}
        crumbs={[
          { label: t('detail.crumb'), to: '/training' },
          { label: t('tabs.completions'), to: '/training?tab=completions' },
          { label: t('import.title') },
        ]}
      />
      <ImportWizard
        kind="training_completions"
        template={template}
        expected={[
          ['person_no', true],
          ['course_code', true],
          ['completed_on', true],
          ['hours', false],
          ['result', false],
        ]}
        invalidate={trainingKeys}
        doneActions={
          <ButtonLink to="/training" search={{ tab: 'completions' } as never}>
            {t('import.back')}
          </ButtonLink>
        }
      />
    </>
  );
}
