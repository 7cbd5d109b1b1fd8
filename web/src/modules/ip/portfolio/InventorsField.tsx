import { ActionIcon, Button, Group, NumberInput, Paper, Stack, Text } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useIpT } from '../i18n/index.ts';
import { EmployeeSelect } from './EmployeeSelect.tsx';

export type InventorValue = { employeeId: string; name: string; share: number | string };

/** One inventor: an employee found by name or number as the user types, and a share in per cent. */
function InventorRow({
  index,
  value,
  error,
  shareError,
  onChange,
  onRemove,
  colleagues,
}: {
  colleagues: boolean;
  index: number;
  value: InventorValue;
  error?: string;
  shareError?: string;
  onChange: (v: InventorValue) => void;
  onRemove: () => void;
}) {
  const t = useIpT();
  return (
    <Group align="flex-start" wrap="nowrap">
      <EmployeeSelect
        ariaLabel={`${t('family.inventor')} ${index + 1}`}
        placeholder={t('family.findEmployee')}
        value={value.employeeId || null}
        name={value.name}
        colleagues={colleagues}
        onChange={(id, name) => onChange({ ...value, employeeId: id ?? '', name })}
        error={error}
        style={{ flex: 1 }}
      />
      <NumberInput
        aria-label={`${t('family.share')} ${index + 1}`}
        suffix=" %"
        min={1}
        max={100}
        allowDecimal={false}
        value={value.share}
        onChange={(share) => onChange({ ...value, share })}
        error={shareError}
        w={110}
      />
      <ActionIcon
        variant="subtle"
        color="red"
        mt={6}
        aria-label={t('family.removeInventor')}
        onClick={onRemove}
      >
        <IconTrash size={16} />
      </ActionIcon>
    </Group>
  );
}

/** The inventors of a family, employees with their shares adding up to 100%. */
export function InventorsField({
  value,
  errors,
  onChange,
  colleagues = false,
}: {
  /** Search colleagues (a disclosure by any employee) rather than the people register. */
  colleagues?: boolean;
  value: InventorValue[];
  errors: Record<string, unknown>;
  onChange: (v: InventorValue[]) => void;
}) {
  const t = useIpT();
  const total = value.reduce((n, i) => n + (Number(i.share) || 0), 0);
  const err = (path: string) => (errors[path] ? String(errors[path]) : undefined);
  return (
    <Paper withBorder p="sm" radius="md">
      <Group justify="space-between" mb={6}>
        <Text fw={600} size="sm">
          {t('family.inventors')}
        </Text>
        <Button
          size="compact-sm"
          variant="light"
          leftSection={<IconPlus size={14} />}
          onClick={() => onChange([...value, { employeeId: '', name: '', share: value.length ? '' : 100 }])}
        >
          {t('family.addInventor')}
        </Button>
      </Group>
      <Stack gap="xs">
        {value.map((inv, i) => (
          <InventorRow
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity before an employee is chosen
            key={i}
            index={i}
            colleagues={colleagues}
            value={inv}
            error={err(`inventors.${i}.employeeId`)}
            shareError={err(`inventors.${i}.share`)}
            onChange={(v) => onChange(value.map((x, j) => (j === i ? v : x)))}
            onRemove={() => onChange(value.filter((_, j) => j !== i))}
          />
        ))}
        {value.length > 0 && (
          <Text size="xs" c={total === 100 ? 'dimmed' : 'red'}>
            {t('family.sharesTotal', { total })}
          </Text>
        )}
        {err('inventors') && (
          <Text size="xs" c="red">
            {err('inventors')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
