import { DateInput } from '@mantine/dates';

/**
 * A record's first and last day as two date fields (the form's `startsOn` and `endsOn`), with the labels the
 * record gives them; the last day may be left open.
 */
export function DateSpanInputs({
  inputProps,
  labels,
  openEnded = false,
}: {
  /** The form's `getInputProps`. */
  inputProps: (field: 'startsOn' | 'endsOn') => object;
  labels: { startsOn: string; endsOn: string };
  openEnded?: boolean;
}) {
  return (
    <>
      <DateInput label={labels.startsOn} valueFormat="YYYY-MM-DD" required {...inputProps('startsOn')} />
      <DateInput
        label={labels.endsOn}
        valueFormat="YYYY-MM-DD"
        required={!openEnded}
        clearable={openEnded}
        {...inputProps('endsOn')}
      />
    </>
  );
}
