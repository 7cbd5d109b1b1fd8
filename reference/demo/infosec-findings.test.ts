import { describe, expect, it } from 'vitest';
import { defaultDuePolicy, dueOn, severities } from '#shared/modules/infosec/findings/severity.ts';
import { scoreVector } from '../../server/modules/infosec/findings/rules/cvss.ts';
import { generateDemoDataset } from './generate.ts';
import { generateInfosecDataset } from './infosec.ts';
import { findingTables } from './infosec-findings.ts';

const CLOCK = '2026-03-15';
// biome-ignore lint/suspicious/noExplicitAny: rows of many columns, read by name in the assertions
type Row = Record<string, any>;

const base = generateDemoDataset({ clock: CLOCK, scale: 0.01 });
const owner = base.users.find((u) => u.email.startsWith('infosec.owner@'))?.id ?? null;
const { systems } = generateInfosecDataset(base);
const generate = () => findingTables(base, systems, owner);
const tables = generate();
const rowsOf = (table: string) => tables.find((t) => t.table === table)?.rows as Row[];
const engagements = rowsOf('infosec_engagements');
const findings = rowsOf('infosec_findings');
const kh = base.sites.find((s) => s.code === 'ASE-KH')?.id as string;

describe('the demo engagements and findings (1/100)', () => {
  it('gives Kaohsiung engagements of every kind it runs and findings of each outcome', () => {
    const own = engagements.filter((e) => e.site_id === kh);
    expect(own.map((e) => e.kind).sort()).toEqual([
      'ot_assessment',
      'vulnerability_scan',
      'vulnerability_scan',
    ]);
    const found = findings.filter((f) => f.site_id === kh);
    expect(new Set(found.map((f) => f.status))).toEqual(new Set(['open', 'closed', 'accepted']));
    expect(new Set(found.map((f) => f.closed_reason).filter(Boolean))).toEqual(
      new Set(['not_reported', 'verified']),
    );
    expect(found.some((f) => f.status === 'open' && f.due_on < CLOCK)).toBe(true);
    expect(found.some((f) => f.status === 'open' && f.due_on >= CLOCK)).toBe(true);
    // Kaohsiung writes in Chinese.
    expect(found.every((f) => /[\u4e00-\u9fff]/.test(f.title))).toBe(true);
  });

  it('has engagements and findings at every site of the systems register', () => {
    const sites = new Set(systems.map((s) => s.site_id));
    expect(new Set(engagements.map((e) => e.site_id))).toEqual(sites);
    expect(new Set(findings.map((f) => f.site_id))).toEqual(sites);
  });

  it("files each finding at its system's and its engagements' site", () => {
    const systemSite = new Map(systems.map((s) => [s.id, s.site_id]));
    const engagementSite = new Map(engagements.map((e) => [e.id, e.site_id]));
    for (const f of findings) {
      expect(systemSite.get(f.system_id)).toBe(f.site_id);
      expect(engagementSite.get(f.engagement_id)).toBe(f.site_id);
      expect(engagementSite.get(f.last_engagement_id)).toBe(f.site_id);
    }
    const keys = findings.map((f) => `${f.site_id}/${f.tool}/${f.identity}`);
    expect(new Set(keys).size).toBe(keys.length);
    const references = engagements.map((e) => e.reference);
    expect(new Set(references).size).toBe(references.length);
  });

  it('stores the score and severity the module computes, and the due date of the default policy', () => {
    const scored = findings.filter((f) => f.cvss_vector);
    expect(scored.length).toBeGreaterThan(findings.length / 2);
    for (const f of scored) {
      const s = scoreVector(f.cvss_vector);
      expect(s, f.cvss_vector).not.toBeNull();
      expect(f.cvss_score).toBe(s?.score);
      expect(f.severity).toBe(s?.severity);
      expect(f.severity_source).toBe('cvss');
    }
    for (const f of findings) {
      expect(f.severity_rank).toBe(severities.indexOf(f.severity));
      expect(f.due_on).toBe(dueOn(f.opened_on, f.severity, defaultDuePolicy));
    }
    // The TLS 1.0 finding: AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:L/A:N scores 4.8 (FIRST's CVSS v3.1 calculator).
    const tls = findings.find((f) => f.rule_id === '104743');
    expect([tls?.cvss_score, tls?.severity]).toEqual([4.8, 'medium']);
  });

  it('keeps every moment before the demo day, risk acceptances named and running past it', () => {
    const start = Date.parse(`${CLOCK}T00:00:00+08:00`);
    for (const f of findings) {
      for (const at of [f.first_seen_at, f.last_seen_at, f.closed_at, f.updated_at])
        if (at) expect((at as Date).getTime()).toBeLessThan(start);
      expect(f.status === 'closed').toBe(f.closed_at !== null);
    }
    for (const e of engagements) expect(e.ends_on < CLOCK && e.starts_on <= e.ends_on).toBe(true);
    const accepted = findings.filter((f) => f.status === 'accepted');
    expect(accepted.length).toBeGreaterThanOrEqual(1);
    for (const f of accepted) {
      expect(f.accepted_by).toBe(owner);
      expect(f.accepted_until > CLOCK).toBe(true);
      expect(f.acceptance_reason).toBeTruthy();
    }
  });

  it('is the same on every run, and larger in the full demo', () => {
    expect(JSON.stringify(generate())).toBe(JSON.stringify(tables));
    // The organisation and its systems are the same at every scale.
    const fullTables = findingTables({ ...base, scale: 1 }, systems, owner);
    const n = (t: typeof fullTables) => t.find((x) => x.table === 'infosec_findings')?.rows.length ?? 0;
    expect(n(fullTables)).toBeGreaterThan(findings.length);
    expect(n(fullTables)).toBeLessThan(600);
  });
});
