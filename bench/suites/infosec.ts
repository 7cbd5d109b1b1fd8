import { randomUUID } from 'node:crypto';
import { openAsBlob, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { apiCaller, type Session } from '../lib/http.ts';
import { memoryOf, round, type Server } from '../lib/proc.ts';

/** The information security program's hot paths that are writes: routing an advisory, importing a scan. */
export type InfosecFigures = {
  advisory: { objects: number; software: number; runsMs: number[]; medianMs: number; routedSites: number };
  sarif: {
    results: number;
    fileMb: number;
    uploadSeconds: number;
    validateSeconds: number;
    commitSeconds: number;
    totalSeconds: number;
    rowsPerSecond: number;
    peakRssMb: number;
  };
};

const T = '2026-11-01T00:00:00.000Z';
const stix = (type: string) => `${type}--${randomUUID()}`;

/**
 * A STIX 2.1 bundle of `objects` objects as an information-sharing partner sends them: a report, a
 * vulnerability, affected software (one in five on a CPE of the demo's systems, so that routing has sites to
 * find), indicators with IP address patterns, and the relationships between them.
 */
export function advisoryBundle(objects: number) {
  const common = { spec_version: '2.1', created: T, modified: T };
  const vulnerability = {
    type: 'vulnerability',
    id: stix('vulnerability'),
    ...common,
    name: 'CVE-2026-30001',
  };
  const softwareCount = Math.floor((objects - 2) * 0.4);
  const indicatorCount = Math.floor((objects - 2 - softwareCount) / 2);
  const relationshipCount = objects - 2 - softwareCount - indicatorCount;
  const software = Array.from({ length: softwareCount }, (_, i) => ({
    type: 'software',
    id: stix('software'),
    ...common,
    name: `Component ${i}`,
    ...(i % 5 === 0
      ? { cpe: 'cpe:2.3:a:critical_manufacturing:mes:10.2:*:*:*:*:*:*:*' }
      : { vendor: `vendor-${i}`, version: `<${1 + (i % 9)}.0.0` }),
  }));
  const indicators = Array.from({ length: indicatorCount }, (_, i) => ({
    type: 'indicator',
    id: stix('indicator'),
    ...common,
    name: `Exploitation source ${i}`,
    pattern: `[ipv4-addr:value = '198.51.${Math.floor(i / 250)}.${i % 250}']`,
    pattern_type: 'stix',
    valid_from: T,
  }));
  const relationships = Array.from({ length: relationshipCount }, (_, i) => ({
    type: 'relationship',
    id: stix('relationship'),
    ...common,
    relationship_type: 'indicates',
    source_ref: indicators[i % indicators.length].id,
    target_ref: vulnerability.id,
  }));
  const report = {
    type: 'report',
    id: stix('report'),
    ...common,
    name: 'Benchmark advisory',
    published: T,
    object_refs: [vulnerability.id, ...software.map((s) => s.id)],
  };
  return {
    type: 'bundle',
    id: stix('bundle'),
    objects: [report, vulnerability, ...software, ...indicators, ...relationships],
  };
}

/** A SARIF 2.1.0 log of one scanner run with `results` distinct results over a few rules. */
export function writeSarif(file: string, results: number) {
  const rules = ['SQLI', 'XSS', 'TLS-OLD', 'OPEN-PORT', 'WEAK-CIPHER'].map((id, i) => ({
    id,
    properties: { 'security-severity': String(3 + i * 1.5) },
  }));
  const lines: string[] = [];
  for (let i = 0; i < results; i++) {
    const rule = i % rules.length;
    lines.push(
      JSON.stringify({
        ruleId: rules[rule].id,
        ruleIndex: rule,
        message: { text: `Finding ${i} on host ${i >> 8}` },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}:443` },
            },
          },
        ],
        partialFingerprints: { primaryLocationLineHash: `bench-${i}` },
      }),
    );
  }
  const head = JSON.stringify({
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'BenchScanner', rules } }, results: [] }],
  });
  writeFileSync(file, head.replace('"results":[]', `"results":[${lines.join(',')}]`));
}

/**
 * Routes a bundle of `objects` objects three times (each import a new advisory, matched against every system
 * of the group) and imports a scan of `results` findings into a new engagement of `siteId`.
 */
export async function runInfosec(o: {
  server: Server;
  session: Session;
  siteId: string;
  objects: number;
  results: number;
  tmp: string;
  log: (line: string) => void;
}): Promise<InfosecFigures> {
  const { server, log } = o;
  const api = apiCaller(server.base, o.session);
  const runsMs: number[] = [];
  let routedSites = 0;
  for (let run = 0; run < 3; run++) {
    const bundle = advisoryBundle(o.objects);
    const t0 = performance.now();
    const advisory = await api.call('POST', '/api/infosec/advisories/import', {
      source: 'twcert',
      severity: 'high',
      bundle,
    });
    runsMs.push(round(performance.now() - t0, 1));
    routedSites = advisory.siteCount;
  }
  const sorted = [...runsMs].sort((a, b) => a - b);
  const advisory = {
    objects: o.objects,
    software: Math.floor((o.objects - 2) * 0.4),
    runsMs,
    medianMs: sorted[1],
    routedSites,
  };
  log(`  advisory of ${o.objects} objects routed to ${routedSites} sites: ${runsMs.join(', ')} ms`);

  const engagement = await api.call('POST', '/api/infosec/engagements', {
    siteId: o.siteId,
    reference: `BENCH-${Date.now()}`,
    kind: 'vulnerability_scan',
    scope: 'Benchmark scan of every host',
    startsOn: T.slice(0, 10),
  });
  const file = path.join(o.tmp, 'scan.sarif');
  writeSarif(file, o.results);
  const t0 = performance.now();
  const form = new FormData();
  form.append('file', await openAsBlob(file), 'scan.sarif');
  const uploaded = await fetch(`${server.base}/api/infosec/engagements/${engagement.id}/sarif`, {
    method: 'POST',
    headers: api.headers,
    body: form,
  });
  let job = (await uploaded.json()) as Record<string, unknown> & {
    id: string;
    version: number;
    status: string;
  };
  if (uploaded.status !== 201) throw new Error(`SARIF upload: ${uploaded.status} ${JSON.stringify(job)}`);
  const t1 = performance.now();
  job = (await api.settle(
    await api.call('POST', `/api/imports/${job.id}/validate`, { version: job.version }),
  )) as typeof job;
  if (job.status !== 'valid')
    throw new Error(`SARIF validation: ${job.status} ${JSON.stringify(job).slice(0, 400)}`);
  const t2 = performance.now();
  job = (await api.settle(
    await api.call('POST', `/api/imports/${job.id}/commit`, { version: job.version }),
  )) as typeof job;
  const t3 = performance.now();
  if (job.status !== 'done' || job.rowsInserted !== o.results)
    throw new Error(`SARIF commit: ${job.status}, ${String(job.rowsInserted)} rows inserted`);
  const sarif = {
    results: o.results,
    fileMb: round(statSync(file).size / 1048576),
    uploadSeconds: round((t1 - t0) / 1000, 2),
    validateSeconds: round((t2 - t1) / 1000, 2),
    commitSeconds: round((t3 - t2) / 1000, 2),
    totalSeconds: round((t3 - t0) / 1000, 2),
    rowsPerSecond: Math.round(o.results / ((t3 - t0) / 1000)),
    peakRssMb: memoryOf(server.pid()).hwmMb,
  };
  log(
    `  SARIF import of ${o.results.toLocaleString('en-US')} findings (${sarif.fileMb} MB): upload ${sarif.uploadSeconds} s, validate ${sarif.validateSeconds} s, commit ${sarif.commitSeconds} s: ${sarif.rowsPerSecond.toLocaleString('en-US')} rows/s; peak RSS ${sarif.peakRssMb} MB`,
  );
  return { advisory, sarif };
}

/** The part's section of bench/results/latest.md. */
export function infosecSection(f: InfosecFigures): string[] {
  const s = f.sarif;
  return [
    '## Information security: advisory routing and scanner import (PostgreSQL, large scale)',
    '',
    `A STIX 2.1 bundle of ${f.advisory.objects.toLocaleString('en-US')} objects (${f.advisory.software} affected software, a fifth on a CPE of the demo's systems) imported and routed against every system of the group, three times: ${f.advisory.runsMs.join(', ')} ms (median ${f.advisory.medianMs} ms), routed to ${f.advisory.routedSites} sites.`,
    '',
    '| SARIF import | findings | file | upload | validate | commit | total | rows/s | peak RSS |',
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|',
    `| one scanner run into a new engagement | ${s.results.toLocaleString('en-US')} | ${s.fileMb} MB | ${s.uploadSeconds} s | ${s.validateSeconds} s | ${s.commitSeconds} s | ${s.totalSeconds} s | ${s.rowsPerSecond.toLocaleString('en-US')} | ${s.peakRssMb} MB |`,
    '',
  ];
}
