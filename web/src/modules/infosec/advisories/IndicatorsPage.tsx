import { Anchor, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { type IndicatorView, indicatorPage } from '#shared/modules/infosec/advisories/contract.ts';
import { kindOfStixPath } from '#shared/modules/infosec/rules/observables.ts';
import { type Column, DataTable } from '../../../platform/ui/DataTable.tsx';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { useInfosecLabel, useInfosecT } from '../i18n/index.ts';
import { TlpBadge } from './parts.tsx';

/** The observables of the advisories' indicators the user may see, searchable and exportable. */
export function IndicatorsPage() {
  const t = useInfosecT();
  const label = useInfosecLabel();
  const columns: Column<IndicatorView>[] = [
    {
      key: 'value',
      header: t('advisories.value'),
      sortKey: 'value',
      wrap: true,
      render: (i) => (
        <Text size="sm" ff="monospace" translate="no">
          {i.value}
        </Text>
      ),
    },
    {
      key: 'kind',
      header: t('advisories.kind'),
      sortKey: 'kind',
      render: (i) => {
        const known = kindOfStixPath(i.kind);
        if (!known)
          return (
            <Text size="sm" ff="monospace" translate="no">
              {i.kind}
            </Text>
          );
        const name = label('response.kinds', known.kind);
        return known.hash ? `${name} (${known.hash})` : name;
      },
    },
    { key: 'indicator', header: t('advisories.indicator'), wrap: true, render: (i) => i.name ?? i.stixId },
    {
      key: 'reference',
      header: t('advisories.reference'),
      sortKey: 'reference',
      render: (i) => (
        <Anchor component={Link} to={`/infosec/advisories/${i.advisoryId}`} size="sm">
          {i.reference}
        </Anchor>
      ),
    },
    { key: 'tlp', header: t('advisories.tlp'), render: (i) => <TlpBadge tlp={i.tlp} /> },
  ];
  return (
    <>
      <PageHeader
        title={t('advisories.indicatorsTitle')}
        crumbs={[{ label: t('nav.section') }, { label: t('advisories.indicatorsTitle') }]}
        description={t('advisories.indicatorsDescription')}
      />
      <DataTable
        label={t('advisories.indicatorsTitle')}
        endpoint="/api/infosec/advisory-indicators"
        schema={indicatorPage}
        columns={columns}
        rowKey={(i) => `${i.advisoryId}|${i.stixId}|${i.kind}|${i.value}`}
        defaultSort="value"
        defaultOrder="asc"
        searchPlaceholder={t('advisories.indicatorsSearch')}
        exportPath="/api/infosec/advisory-indicators/export.csv"
        exportXlsxPath="/api/infosec/advisory-indicators/export.xlsx"
        emptyTitle={t('advisories.indicatorsEmpty')}
        emptyHint={t('advisories.indicatorsEmptyHint')}
      />
    </>
  );
}
