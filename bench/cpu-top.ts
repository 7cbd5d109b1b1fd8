#!/usr/bin/env node
// The functions with the most self time in a V8 CPU profile (node --cpu-prof --cpu-prof-dir=DIR …):
//   node bench/cpu-top.ts DIR
import { readdirSync, readFileSync } from 'node:fs';

const dir = process.argv[2];
const f = readdirSync(dir).find((x) => x.endsWith('.cpuprofile'))!;
const p = JSON.parse(readFileSync(`${dir}/${f}`, 'utf8'));
const self = new Map<string, number>();
const dt = new Map<number, number>();
for (let i = 0; i < p.samples.length; i++)
  dt.set(p.samples[i], (dt.get(p.samples[i]) ?? 0) + (p.timeDeltas[i] ?? 0));
for (const n of p.nodes) {
  const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber}`;
  self.set(k, (self.get(k) ?? 0) + (dt.get(n.id) ?? 0));
}
console.log(
  [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, Number(process.env.TOP ?? 15))
    .map(([k, v]) => `${(v / 1000).toFixed(0)}ms ${k}`)
    .join('\n'),
);
