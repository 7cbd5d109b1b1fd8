import { ActionIcon, Button, NumberInput, Select, Table, Text, Textarea, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { countryCodes } from '../../../platform/ui/choices.ts';
import { useCountryName } from '../../../platform/ui/labels.ts';
import { useInfosecT } from '../i18n/index.ts';
import { type ClockRulesForm, newBreachRow } from './clock-rules-form.ts';

const units = ['hours', 'calendar_days'] as const;
const starts = ['awareness', 'breach_assessed'] as const;

/**
 * The countries' periods for notifying the data-protection authority, one row each: the country from the list
 * (a country another row holds is not offered again), typed authority and provision, the period and its start.
 */
export function BreachRowsTable({ form, readOnly }: { form: ClockRulesForm; readOnly: boolean }) {
  const t = useInfosecT();
  const countryName = useCountryName();
  const addButton = useRef<HTMLButtonElement>(null);
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const rows = form.values.breachNotification;

  // A new row's country is where the keyboard goes next.
  useEffect(() => {
    if (!focusKey) return;
    document.getElementById(`breach-country-${focusKey}`)?.focus();
    setFocusKey(null);
  }, [focusKey]);

  const add = () => {
    const row = newBreachRow();
    form.insertListItem('breachNotification', row);
    setFocusKey(row.key);
  };
  const remove = (index: number) => {
    form.removeListItem('breachNotification', index);
    addButton.current?.focus();
  };
  const countryOptions = (index: number) => {
    const taken = new Set(rows.filter((_, i) => i !== index).map((r) => r.country));
    const codes = new Set<string>(countryCodes);
    const own = rows[index]?.country;
    if (own) codes.add(own);
    return [...codes]
      .map((c) => ({ value: c, label: `${countryName(c)} (${c})`, disabled: taken.has(c) }))
      .sort((a, b) => a.label.localeCompare(b.label));
  };

  return (
    <>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed" my="sm">
          {t('clockRules.noRows')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={960}>
          <Table
            verticalSpacing={4}
            horizontalSpacing="xs"
            withRowBorders={false}
            style={{ tableLayout: 'fixed' }}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={190}>{t('clockRules.country')}</Table.Th>
                <Table.Th w={150}>{t('clockRules.authority')}</Table.Th>
                {/* The provision takes the width left, its text wrapping in the field. */}
                <Table.Th>{t('clockRules.provision')}</Table.Th>
                <Table.Th w={90}>{t('clockRules.period')}</Table.Th>
                <Table.Th w={170}>{t('clockRules.unit')}</Table.Th>
                <Table.Th w={175}>{t('clockRules.from')}</Table.Th>
                {!readOnly && <Table.Th w={44} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row, index) => {
                const n = { row: index + 1 };
                const at = (field: string) => `breachNotification.${index}.${field}`;
                return (
                  <Table.Tr key={row.key} style={{ verticalAlign: 'top' }}>
                    <Table.Td>
                      <Select
                        id={`breach-country-${row.key}`}
                        aria-label={t('clockRules.rowCountry', n)}
                        data={countryOptions(index)}
                        searchable
                        allowDeselect={false}
                        readOnly={readOnly}
                        {...form.getInputProps(at('country'))}
                      />
                    </Table.Td>
                    <Table.Td>
                      <TextInput
                        aria-label={t('clockRules.rowAuthority', n)}
                        translate="no"
                        maxLength={100}
                        readOnly={readOnly}
                        {...form.getInputProps(at('authority'))}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Textarea
                        aria-label={t('clockRules.rowProvision', n)}
                        translate="no"
                        autosize
                        minRows={1}
                        maxRows={4}
                        maxLength={200}
                        readOnly={readOnly}
                        {...form.getInputProps(at('provision'))}
                      />
                    </Table.Td>
                    <Table.Td>
                      <NumberInput
                        aria-label={t('clockRules.rowPeriod', n)}
                        min={1}
                        allowDecimal={false}
                        clampBehavior="none"
                        readOnly={readOnly}
                        {...form.getInputProps(at('period'))}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Select
                        aria-label={t('clockRules.rowUnit', n)}
                        data={units.map((u) => ({ value: u, label: t(`clockRules.units.${u}`) }))}
                        allowDeselect={false}
                        readOnly={readOnly}
                        {...form.getInputProps(at('unit'))}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Select
                        aria-label={t('clockRules.rowFrom', n)}
                        data={starts.map((s) => ({ value: s, label: t(`clockRules.starts.${s}`) }))}
                        allowDeselect={false}
                        readOnly={readOnly}
                        {...form.getInputProps(at('from'))}
                      />
                    </Table.Td>
                    {!readOnly && (
                      <Table.Td>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          mt={4}
                          aria-label={t('clockRules.removeRow', n)}
                          title={t('clockRules.removeRow', n)}
                          onClick={() => remove(index)}
                        >
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {form.errors.breachNotification && (
        <Text size="sm" c="red" mt="xs" role="alert">
          {t('clockRules.oneRowPerCountry')}
        </Text>
      )}
      {!readOnly && (
        <Button ref={addButton} variant="default" mt="sm" leftSection={<IconPlus size={16} />} onClick={add}>
          {t('clockRules.addRow')}
        </Button>
      )}
    </>
  );
}
