import { describe, expect, it } from 'vitest';
import { readingBatch } from '#shared/modules/smart/contract.ts';
import { readingsFromCsv } from './readings-csv.ts';

const sensor = '0d9b5a4e-3c1f-4a8e-9f5e-2b7c6d1e0a11';

describe('readings sent as CSV', () => {
  it('reads a header and one reading a line into the batch the contract accepts', () => {
    const batch = readingsFromCsv(
      `sensorId,at,value\n${sensor},2026-12-04T01:00:00Z,12.5\n${sensor},2026-12-04T01:01:00Z,13\n`,
      'k7-gw-1',
    );
    expect(readingBatch.parse(batch)).toEqual({
      gateway: 'k7-gw-1',
      readings: [
        { sensorId: sensor, at: '2026-12-04T01:00:00Z', value: 12.5 },
        { sensorId: sensor, at: '2026-12-04T01:01:00Z', value: 13 },
      ],
    });
  });

  it('leaves a value that is not a number for the contract to name', () => {
    const result = readingBatch.safeParse(
      readingsFromCsv(`sensorId,at,value\n${sensor},2026-12-04T01:00:00Z,high\n`),
    );
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues.map((i) => i.path))).toContain('value');
  });
});
