import {
  Alert,
  Badge,
  Button,
  FileInput,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { IconArrowBack, IconFileCode, IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { type UsptoUploadView, usptoUploadView } from '#shared/modules/ip/import/contract.ts';
import { technologies } from '#shared/modules/ip/rules/offices.ts';
import { ImportWizard } from '../../../platform/imports/ImportWizard.tsx';
import { useOnlySiteByDefault, useSites } from '../../../platform/people/sites.ts';
import { uploadFile, useCsrfToken } from '../../../platform/services/http.ts';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { ProblemAlert } from '../../../platform/ui/problem.tsx';
import { useIpLabel, useIpT } from '../i18n/index.ts';

const TEMPLATE = [
  'family_reference,site_code,title,technology,green,inventors,office,kind,application_no,filing_date,publication_no,publication_date,patent_no,grant_date,status,claims,ipc_classes,cpc_classes',
  'FAM-2019-001,K7,Fan-out package with a thinned substrate,fan_out,yes,K7-0002:60; K7-0003:40,TW,invention,108117401,2019-05-20,,,I720001,2021-02-01,granted,12,H01L 23/31,H01L 2224/48091',
  'FAM-2019-001,,,,,,US,invention,16/512345,2019-07-15,US20200035678A1,2020-01-30,,,under_examination,20,,',
].join('\n');

const EXPECTED: [string, boolean][] = [
  ['family_reference', true],
  ['site_code', false],
  ['title', false],
  ['office', true],
  ['kind', true],
  ['application_no', true],
  ['filing_date', true],
  ['status', true],
  ['patent_no', false],
  ['grant_date', false],
  ['inventors', false],
];

const invalidate = ['/api/ip/matters', '/api/ip/families', '/api/ip/portfolio/counts', '/api/obligations'];

/** What was read of each grant: its numbers and its inventors, found among employees or not. */
function GrantsRead({ answer }: { answer: UsptoUploadView }) {
  const t = useIpT();
  const unmatched = answer.grants.flatMap((g) => g.inventors).filter((i) => !i.employeeNo).length;
  return (
    <Stack gap="xs">
      <Title order={4}>{t('matterImport.grantsRead')}</Title>
      {unmatched > 0 && (
        <Alert color="yellow" data-testid="uspto-unmatched">
          {t('matterImport.unmatched', { count: unmatched })}
        </Alert>
      )}
      <Table withTableBorder verticalSpacing={6} aria-label={t('matterImport.grantsRead')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('matterImport.patentNo')}</Table.Th>
            <Table.Th>{t('matterImport.kindCode')}</Table.Th>
            <Table.Th>{t('matterImport.applicationNo')}</Table.Th>
            <Table.Th>{t('matterImport.titleColumn')}</Table.Th>
            <Table.Th>{t('matterImport.inventors')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {answer.grants.map((g) => (
            <Table.Tr key={g.patentNo}>
              <Table.Td ff="monospace">US {g.patentNo}</Table.Td>
              <Table.Td>{g.kindCode}</Table.Td>
              <Table.Td ff="monospace">{g.applicationNo}</Table.Td>
              <Table.Td>{g.title}</Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  {g.inventors.map((i) => (
                    <Group key={i.name} gap={6} wrap="nowrap">
                      <Text size="sm">{i.name}</Text>
                      {i.employeeNo ? (
                        <Badge size="sm" variant="light" color="teal">
                          {t('matterImport.employee', { no: i.employeeNo })}
                        </Badge>
                      ) : (
                        <Badge size="sm" variant="light" color={i.ambiguous ? 'orange' : 'gray'}>
                          {t(i.ambiguous ? 'matterImport.ambiguous' : 'matterImport.notEmployee')}
                        </Badge>
                      )}
                    </Group>
                  ))}
                </Stack>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="sm">{t('matterImport.continue')}</Text>
    </Stack>
  );
}

/** The USPTO grant XML step: the owner site and technology, the file, what was read; then the import wizard. */
function UsptoImport() {
  const t = useIpT();
  const label = useIpLabel();
  const csrf = useCsrfToken();
  const { options: siteOptions } = useSites();
  const [siteId, setSiteId] = useState<string | null>(null);
  const [technology, setTechnology] = useState<string>('other');
  const [file, setFile] = useState<File | null>(null);
  useOnlySiteByDefault(siteOptions, siteId ?? '', (id) => setSiteId(id));
  const read = useMutation({
    mutationFn: (f: File) =>
      uploadFile('/api/ip/matters/uspto-xml', { siteId: siteId ?? '', technology }, f, usptoUploadView, csrf),
  });
  return (
    <Stack gap="lg">
      <Paper withBorder radius="md" p="lg">
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (file && siteId) read.mutate(file);
          }}
        >
          <Stack gap="md">
            <Text size="sm">{t('matterImport.usptoIntro')}</Text>
            <Group align="flex-end">
              <Select
                label={t('matterImport.site')}
                data={siteOptions}
                value={siteId}
                onChange={setSiteId}
                searchable
                required
                w={220}
              />
              <Select
                label={t('matterImport.technology')}
                data={technologies.map((v) => ({ value: v, label: label('technologies', v) }))}
                value={technology}
                onChange={(v) => setTechnology(v ?? 'other')}
                allowDeselect={false}
                w={260}
              />
            </Group>
            {read.error ? <ProblemAlert error={read.error} /> : null}
            <Group align="flex-end">
              <FileInput
                label={t('matterImport.file')}
                description={t('matterImport.fileHint')}
                placeholder={t('matterImport.choose')}
                accept=".xml,application/xml,text/xml"
                leftSection={<IconFileCode size={16} />}
                value={file}
                onChange={(f) => {
                  setFile(f);
                  read.reset();
                }}
                clearable
                w={420}
                data-testid="uspto-file"
              />
              <Button
                type="submit"
                disabled={!file || !siteId}
                loading={read.isPending}
                leftSection={<IconUpload size={16} />}
              >
                {t('matterImport.read')}
              </Button>
            </Group>
            {read.data && <GrantsRead answer={read.data} />}
          </Stack>
        </form>
      </Paper>
      {read.data && (
        <ImportWizard
          key={read.data.import.id}
          kind="ip_matters"
          startWith={read.data.import.id}
          invalidate={invalidate}
        />
      )}
    </Stack>
  );
}

/** Patent matters in bulk: a docketing system's spreadsheet, or US grants from the USPTO's grant XML. */
export function ImportMattersPage() {
  const t = useIpT();
  const back = (
    <Button component={Link} to="/ip" variant="default" leftSection={<IconArrowBack size={16} />}>
      {t('matterImport.back')}
    </Button>
  );
  return (
    <>
      <PageHeader
        title={t('matterImport.title')}
        crumbs={[
          { label: t('nav.section') },
          { label: t('portfolio.title'), to: '/ip' },
          { label: t('matterImport.title') },
        ]}
        description={t('matterImport.description')}
      />
      <Tabs defaultValue="spreadsheet" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="spreadsheet" leftSection={<IconFileSpreadsheet size={16} />}>
            {t('matterImport.spreadsheet')}
          </Tabs.Tab>
          <Tabs.Tab value="uspto" leftSection={<IconFileCode size={16} />}>
            {t('matterImport.uspto')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="spreadsheet">
          <ImportWizard
            kind="ip_matters"
            template={{ filename: 'ip-matters-template.csv', csv: TEMPLATE }}
            expected={EXPECTED}
            invalidate={invalidate}
            doneActions={back}
          />
        </Tabs.Panel>
        <Tabs.Panel value="uspto">
          <UsptoImport />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
