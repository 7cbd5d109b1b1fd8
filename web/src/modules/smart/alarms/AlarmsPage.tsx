import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { useSmartT } from '../i18n/index.ts';
import { AlarmsTable } from './AlarmsTable.tsx';

/** The alarms of the user's sites, in their ISA-18.2 states. */
export function AlarmsPage() {
  const t = useSmartT();
  return (
    <>
      <PageHeader
        title={t('alarms.title')}
        crumbs={[{ label: t('nav.section') }, { label: t('alarms.title') }]}
        description={t('alarms.description')}
      />
      <AlarmsTable />
    </>
  );
}
