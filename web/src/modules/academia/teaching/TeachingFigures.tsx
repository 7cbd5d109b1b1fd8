import { NumberInput, SimpleGrid, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { teachingFigures } from '#shared/modules/academia/teaching-contract.ts';
import { api } from '../../../platform/api/client.ts';
import { FigurePanel } from '../../../platform/ui/FigurePanel.tsx';
import { academiaKeys } from '../api.ts';
import { useAcademiaLabel, useAcademiaT } from '../i18n/index.ts';

export const teachingFiguresKey = '/api/academia/courses/figures';

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl">
        {value}
      </Text>
    </div>
  );
}

/** The year's courses and mentorships as the report counts them, computed by the server from the rows. */
export function TeachingFigures({ year, onYear }: { year: number; onYear: (year: number) => void }) {
  const t = useAcademiaT();
  const label = useAcademiaLabel();
  const { i18n } = useTranslation();
  const fmt = new Intl.NumberFormat(i18n.language);
  const query = useQuery({
    queryKey: [academiaKeys.courses, 'figures', year],
    queryFn: ({ signal }) => api.get(teachingFiguresKey, teachingFigures, { year }, signal),
    placeholderData: keepPreviousData,
  });
  return (
    <FigurePanel
      title={t('courses.figures')}
      hint={t('courses.figuresHint')}
      query={query}
      testId="academia-teaching-figures"
      control={
        <NumberInput
          label={t('teaching.year')}
          value={year}
          onChange={(v) => typeof v === 'number' && onYear(v)}
          min={1990}
          max={2200}
          w={120}
        />
      }
    >
      {(f) => (
        <>
          <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} mb="md">
            <Figure label={t('courses.courses')} value={fmt.format(f.courses.courses)} />
            <Figure label={t('teaching.hours')} value={fmt.format(f.courses.hours)} />
            <Figure label={t('teaching.students')} value={fmt.format(f.courses.students)} />
            <Figure
              label={t('teaching.participationHours')}
              value={fmt.format(f.courses.participationHours)}
            />
            <Figure label={t('courses.semiconductorStudents')} value={fmt.format(f.semiconductorStudents)} />
            <Figure label={t('courses.mentees')} value={fmt.format(f.mentorships.students)} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, lg: 3 }}>
            <Table fz="sm" aria-label={t('courses.bySubsidiary')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('courses.subsidiary')}</Table.Th>
                  <Table.Th ta="right">{t('courses.courses')}</Table.Th>
                  <Table.Th ta="right">{t('teaching.students')}</Table.Th>
                  <Table.Th ta="right">{t('teaching.participationHours')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {f.coursesBySubsidiary.map((s) => (
                  <Table.Tr key={s.subsidiaryCode}>
                    <Table.Td>{s.subsidiaryCode}</Table.Td>
                    <Table.Td ta="right">{fmt.format(s.courses)}</Table.Td>
                    <Table.Td ta="right">{fmt.format(s.students)}</Table.Td>
                    <Table.Td ta="right">{fmt.format(s.participationHours)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Table fz="sm" aria-label={t('courses.byProgram')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('courses.program')}</Table.Th>
                  <Table.Th ta="right">{t('courses.courses')}</Table.Th>
                  <Table.Th ta="right">{t('teaching.hours')}</Table.Th>
                  <Table.Th ta="right">{t('teaching.students')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {f.coursesByProgram.map((p) => (
                  <Table.Tr key={p.program}>
                    <Table.Td>{label('coursePrograms', p.program)}</Table.Td>
                    <Table.Td ta="right">{fmt.format(p.courses)}</Table.Td>
                    <Table.Td ta="right">{fmt.format(p.hours)}</Table.Td>
                    <Table.Td ta="right">{fmt.format(p.students)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Table fz="sm" aria-label={t('courses.mentorshipsBySubsidiary')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('courses.subsidiary')}</Table.Th>
                  <Table.Th ta="right">{t('courses.mentees')}</Table.Th>
                  <Table.Th ta="right">{t('courses.activities')}</Table.Th>
                  <Table.Th ta="right">{t('teaching.participationHours')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {f.mentorshipsBySubsidiary.map((s) => (
                  <Table.Tr key={s.subsidiaryCode}>
                    <Table.Td>{s.subsidiaryCode}</Table.Td>
                    <Table.Td ta="right">{fmt.format(s.students)}</Table.Td>
                    <Table.Td ta="right">{fmt.format(s.activities)}</Table.Td>
                    <Table.Td ta="right">{fmt.format(s.participationHours)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </SimpleGrid>
        </>
      )}
    </FigurePanel>
  );
}
