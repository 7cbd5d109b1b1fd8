import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';

/**
 * SARIF 2.1.0 (OASIS Static Analysis Results Interchange Format, Version 2.1.0) read into the rows of the
 * findings import: one row per result, in the import's canonical columns, so that a SARIF log and a mapped
 * CSV go through the same checks, merge and rescan rules of the platform import pipeline.
 */

const properties = z.record(z.string(), z.unknown()).optional();
const message = z.object({ text: z.string().optional(), markdown: z.string().optional() }).passthrough();
const rule = z
  .object({
    id: z.string(),
    name: z.string().optional(),
    shortDescription: message.optional(),
    fullDescription: message.optional(),
    defaultConfiguration: z.object({ level: z.string().optional() }).passthrough().optional(),
    properties,
  })
  .passthrough();
const location = z
  .object({
    physicalLocation: z
      .object({
        artifactLocation: z.object({ uri: z.string().optional() }).passthrough().optional(),
        region: z.object({ startLine: z.number().int().optional() }).passthrough().optional(),
      })
      .passthrough()
      .optional(),
    logicalLocations: z
      .array(
        z.object({ fullyQualifiedName: z.string().optional(), name: z.string().optional() }).passthrough(),
      )
      .optional(),
  })
  .passthrough();
const result = z
  .object({
    ruleId: z.string().optional(),
    ruleIndex: z.number().int().optional(),
    rule: z
      .object({ id: z.string().optional(), index: z.number().int().optional() })
      .passthrough()
      .optional(),
    level: z.string().optional(),
    kind: z.string().optional(),
    message: message.optional(),
    locations: z.array(location).optional(),
    fingerprints: z.record(z.string(), z.string()).optional(),
    partialFingerprints: z.record(z.string(), z.string()).optional(),
    properties,
  })
  .passthrough();
const sarifLog = z
  .object({
    version: z.literal('2.1.0'),
    runs: z.array(
      z
        .object({
          tool: z.object({
            driver: z.object({ name: z.string().min(1), rules: z.array(rule).optional() }).passthrough(),
          }),
          results: z.array(result).optional(),
        })
        .passthrough(),
    ),
  })
  .passthrough();

/** The columns of the findings import, in the order a converted SARIF log writes them. */
export const FINDING_COLUMNS = [
  'engagement',
  'tool',
  'rule',
  'identity',
  'title',
  'severity',
  'security_severity',
  'cvss_vector',
  'location',
  'system',
] as const;
type Row = Record<(typeof FINDING_COLUMNS)[number], string>;

type SarifResult = z.infer<typeof result>;

/** Fingerprint keys sorted, so that the same result gives the same identity whatever the key order. */
function fingerprintOf(prints: Record<string, string> | undefined, kind: string): string | null {
  if (!prints) return null;
  const keys = Object.keys(prints).sort();
  return keys.length ? `${kind}:${keys[0]}=${prints[keys[0]]}` : null;
}

function locationOf(r: SarifResult): string {
  const first = r.locations?.[0];
  const physical = first?.physicalLocation;
  const uri = physical?.artifactLocation?.uri;
  if (uri) return physical?.region?.startLine ? `${uri}:${physical.region.startLine}` : uri;
  const logical = first?.logicalLocations?.[0];
  return logical?.fullyQualifiedName ?? logical?.name ?? '';
}

/** A CVSS vector a tool put in a property bag (no SARIF property is standard for it: the common names). */
function cvssOf(...bags: (Record<string, unknown> | undefined)[]): string {
  for (const bag of bags)
    for (const name of ['cvssV4_0', 'cvssV3_1', 'cvss-vector', 'cvssVector', 'cvss']) {
      const v = bag?.[name];
      if (typeof v === 'string' && v.startsWith('CVSS:')) return v;
    }
  return '';
}

/**
 * The import rows of a SARIF log. Identity (SARIF §3.27.16–17): the result's fingerprints, else its partial
 * fingerprints, else its rule and location. Throws a message naming what is wrong for a file that is not
 * SARIF 2.1.0.
 */
export function sarifRows(json: unknown, engagement: string): Row[] {
  const parsed = sarifLog.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Not a SARIF 2.1.0 log: ${issue.path.join('.') || 'the file'}: ${issue.message}`);
  }
  const rows: Row[] = [];
  for (const run of parsed.data.runs) {
    const rules = run.tool.driver.rules ?? [];
    const byId = new Map(rules.map((r) => [r.id, r]));
    for (const r of run.results ?? []) {
      // Results of other kinds (pass, notApplicable, informational…) report no problem (§3.27.9).
      if (r.kind && r.kind !== 'fail') continue;
      const index = r.ruleIndex ?? r.rule?.index;
      const ruleId = r.ruleId ?? r.rule?.id ?? (index !== undefined ? rules[index]?.id : undefined) ?? '';
      const def = (index !== undefined ? rules[index] : undefined) ?? byId.get(ruleId);
      const where = locationOf(r);
      const identity =
        fingerprintOf(r.fingerprints, 'fp') ??
        fingerprintOf(r.partialFingerprints, 'pfp') ??
        `rule:${ruleId}@${where}`;
      const securitySeverity = r.properties?.['security-severity'] ?? def?.properties?.['security-severity'];
      rows.push({
        engagement,
        tool: run.tool.driver.name,
        rule: ruleId,
        identity,
        title: (
          r.message?.text ??
          def?.shortDescription?.text ??
          def?.name ??
          ruleId ??
          'SARIF result'
        ).slice(0, 500),
        severity: r.level ?? def?.defaultConfiguration?.level ?? 'warning',
        security_severity: securitySeverity === undefined ? '' : String(securitySeverity),
        cvss_vector: cvssOf(r.properties, def?.properties),
        location: where,
        system: '',
      });
    }
  }
  return rows;
}

/** The rows as the CSV the import pipeline reads, header first. */
export function rowsToCsv(rows: Row[]): string {
  return stringify(
    rows.map((r) => FINDING_COLUMNS.map((c) => r[c])),
    { header: true, columns: [...FINDING_COLUMNS] },
  );
}
