/** 0–5 from red through amber to green: the colours of the maturity levels. */
export const LEVEL_COLOURS = ['#c92a2a', '#e8590c', '#f59f00', '#94d82d', '#40c057', '#2b8a3e'];

/** The colour of a score on the 0–5 scale, between the colours of the levels either side. */
export function levelColour(score: number): string {
  const v = Math.min(5, Math.max(0, score));
  const lo = Math.floor(v);
  const hi = Math.min(5, lo + 1);
  const f = v - lo;
  const rgb = (hex: string) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
  const [a, b] = [rgb(LEVEL_COLOURS[lo]), rgb(LEVEL_COLOURS[hi])];
  return `rgb(${a.map((c, i) => Math.round(c + (b[i] - c) * f)).join(',')})`;
}
