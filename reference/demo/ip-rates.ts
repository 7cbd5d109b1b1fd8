import type { DemoDataset } from './generate.ts';
import { Random } from './random.ts';

/**
 * Exchange rates for the IP fee forecast: units per US dollar of each currency an office charges in (and NT$,
 * which the forecast reports in), dated the 2nd of January of each of the demo's recent years, so the
 * forecast converts every fee at the latest rate on or before the demo's day. Demo figures (not official
 * rates); the academia demo keeps its own dated TWD and CNY rates of earlier years.
 */
const YEARLY: Record<number, Record<string, string>> = {
  2024: { TWD: '30.79', CNY: '7.1', EUR: '0.9107', GBP: '0.7868', JPY: '141.7', KRW: '1301.5' },
  2025: { TWD: '32.88', CNY: '7.3', EUR: '0.9709', GBP: '0.7985', JPY: '157.2', KRW: '1470.8' },
  2026: { TWD: '31.45', CNY: '7.02', EUR: '0.8532', GBP: '0.7436', JPY: '156.8', KRW: '1440.2' },
};

export function generateIpRates(data: DemoDataset) {
  const rng = new Random(`${data.seed}:ip-rates`);
  const last = Math.max(Number(data.clock.slice(0, 4)), 2026);
  const rows: Record<string, unknown>[] = [];
  for (let year = 2024; year <= last; year += 1) {
    const validFrom = `${year}-01-02`;
    if (validFrom > data.clock) break;
    const rates = YEARLY[year] ?? YEARLY[2026];
    for (const [currency, perUsd] of Object.entries(rates))
      rows.push({
        id: rng.uuid(),
        currency,
        valid_from: validFrom,
        per_usd: perUsd,
        created_at: `${validFrom}T01:00:00.000Z`,
        updated_at: `${validFrom}T01:00:00.000Z`,
      });
  }
  return rows;
}
