import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { useInfosecT } from '../i18n/index.ts';
import { AgeingCard } from './AgeingCard.tsx';
import { FindingsTable } from './FindingsTable.tsx';
import { SlaCard } from './SlaCard.tsx';

/** Findings of every engagement at the user's sites: open ones by severity and age per site, then the list. */
export function FindingsPage() {
  const t = useInfosecT();
  return (
    <>
      <PageHeader
        title={t('findings.findings')}
        crumbs={[{ label: t('nav.section') }, { label: t('findings.findings') }]}
        description={t('findings.findingsDescription')}
      />
      <AgeingCard />
      <FindingsTable />
      <SlaCard />
    </>
  );
}
