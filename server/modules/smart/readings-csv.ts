import { parse } from 'csv-parse/sync';

/**
 * A gateway's CSV batch (`text/csv`: a header naming sensorId, at and value, then one reading a line) turned
 * into the JSON batch the contract checks; a value that is not a number stays as written, so that the check
 * names it.
 */
export function readingsFromCsv(text: string, gateway?: unknown) {
  const rows = parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true }) as Record<
    string,
    string
  >[];
  const readings = rows.map((r) => {
    const value = r.value === undefined || r.value === '' ? r.value : Number(r.value);
    return { sensorId: r.sensorId, at: r.at, value: Number.isFinite(value) ? value : r.value };
  });
  return gateway === undefined ? { readings } : { gateway, readings };
}
