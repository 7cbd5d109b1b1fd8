import { sql } from 'kysely';
import {
  type DuePolicy,
  dueOn,
  type Severity,
  severities,
  severityOfSarifLevel,
  severityOfScore,
  severityOfWord,
} from '#shared/modules/infosec/findings/severity.ts';
import type { Db } from '../../../db/types.ts';
import { type SiteScope, scopeHas, sitesWith } from '../../../platform/access/actor.ts';
import type { Importer, RowError } from '../../../platform/imports/importer.ts';
import type { SettingsService } from '../../../platform/settings/service.ts';
import { infosecMessage } from '../messages.ts';
import * as repo from './repo.ts';
import { scoreVector } from './rules/cvss.ts';
import { duePolicySetting } from './settings.ts';

const PROGRAM = 'infosec' as const;
export const FINDINGS_IMPORT = 'infosec_findings';

/** One finding as a scan reported it, checked. */
export type FindingImportRow = {
  engagementId: string;
  siteId: string;
  scanScope: string;
  tool: string;
  ruleId: string | null;
  identity: string;
  title: string;
  location: string | null;
  cvssVector: string | null;
  cvssScore: number | null;
  severity: Severity;
  severitySource: 'cvss' | 'security_severity' | 'level' | 'tool';
  systemId: string | null;
};

type Engagement = { id: string; siteId: string; scope: string };
type Context = {
  engagements: Map<string, Engagement>;
  systems: Map<string, string>;
  scope: SiteScope;
  policy: DuePolicy;
  staged: Map<string, FindingImportRow>;
  counts: { new: number; merged: number; reopened: number; closed: number };
};

const rank = (s: Severity) => severities.indexOf(s);
const utcDay = (d: Date) => d.toISOString().slice(0, 10);
const findingKey = (r: { siteId: string; tool: string; identity: string }) =>
  `${r.siteId}\u0000${r.tool}\u0000${r.identity}`;

/** The severity of a row: from its CVSS vector, else the tool's `security-severity` score, else its level or word. */
function severityOf(
  r: Record<string, string>,
): { ok: Pick<FindingImportRow, 'severity' | 'severitySource' | 'cvssVector' | 'cvssScore'> } | RowError {
  const vector = r.cvss_vector?.trim();
  if (vector) {
    const scored = scoreVector(vector);
    if (!scored) return { column: 'cvss_vector', message: 'Not a complete CVSS 3.1 or 4.0 base vector' };
    return {
      ok: {
        severity: scored.severity,
        severitySource: 'cvss',
        cvssVector: scored.vector,
        cvssScore: scored.score,
      },
    };
  }
  const none = { cvssVector: null, cvssScore: null };
  const score = r.security_severity?.trim();
  if (score) {
    const n = Number(score);
    if (!/^\d+(\.\d+)?$/.test(score) || n > 10)
      return { column: 'security_severity', message: 'A score from 0.0 to 10.0' };
    return { ok: { severity: severityOfScore(n), severitySource: 'security_severity', ...none } };
  }
  const word = r.severity?.trim() ?? '';
  const level = severityOfSarifLevel(word);
  if (level) return { ok: { severity: level, severitySource: 'level', ...none } };
  const own = severityOfWord(word);
  if (own) return { ok: { severity: own, severitySource: 'tool', ...none } };
  return {
    column: 'severity',
    message: 'A severity (critical, high, medium, low, none), a SARIF level, or a CVSS vector',
  };
}

/**
 * Scanner findings into engagements (the platform import pipeline: preview, errors by cell, all or nothing).
 * A finding seen before (same site, tool and identity) is merged, and reopened if it had been closed; the
 * findings of the same site, tool and scope that the scan no longer reports are closed.
 */
export const createFindingsImporter = (settings: SettingsService): Importer<FindingImportRow, Context> => ({
  kind: FINDINGS_IMPORT,
  name: infosecMessage('infosec.importKind.findings'),
  permission: 'infosec.manage',
  columns: [
    { key: 'engagement', label: 'Engagement reference', required: true, aliases: ['委外案件', '案件'] },
    { key: 'tool', label: 'Tool', required: true, aliases: ['scanner', 'source', '工具'] },
    {
      key: 'rule',
      label: 'Rule or plugin',
      required: false,
      aliases: ['rule id', 'plugin id', 'check', '規則'],
    },
    { key: 'identity', label: 'Finding identity', required: false, aliases: ['fingerprint', 'id', '識別'] },
    { key: 'title', label: 'Title', required: true, aliases: ['name', 'message', 'summary', '標題'] },
    { key: 'severity', label: 'Severity or level', required: false, aliases: ['risk', 'level', '嚴重度'] },
    { key: 'security_severity', label: 'Severity score (0–10)', required: false, aliases: ['score'] },
    { key: 'cvss_vector', label: 'CVSS vector', required: false, aliases: ['cvss', 'vector'] },
    {
      key: 'location',
      label: 'Location',
      required: false,
      aliases: ['host', 'asset', 'url', 'file', '位置'],
    },
    { key: 'system', label: 'System', required: false, aliases: ['系統'] },
  ],
  async prepare(db, actor) {
    const scope = sitesWith(actor, 'infosec.manage', PROGRAM);
    const [engagements, systems] = await Promise.all([
      db.selectFrom('infosec_engagements').select(['id', 'site_id', 'reference', 'scope']).execute(),
      db.selectFrom('infosec_systems').select(['id', 'site_id', 'name']).execute(),
    ]);
    return {
      engagements: new Map(
        engagements
          .filter((e) => scopeHas(scope, e.site_id))
          .map((e) => [e.reference.toUpperCase(), { id: e.id, siteId: e.site_id, scope: e.scope }]),
      ),
      systems: new Map(systems.map((s) => [`${s.site_id}:${s.name.toLowerCase()}`, s.id])),
      scope,
      policy: await settings.get(duePolicySetting, db),
      staged: new Map(),
      counts: { new: 0, merged: 0, reopened: 0, closed: 0 },
    };
  },
  check(r, c) {
    const errors: RowError[] = [];
    const engagement = c.engagements.get(r.engagement.trim().toUpperCase());
    if (!engagement)
      errors.push({ column: 'engagement', message: `No engagement ${r.engagement} that you run` });
    const tool = r.tool.trim().slice(0, 200);
    if (!tool) errors.push({ column: 'tool', message: 'Required' });
    const title = r.title.trim().slice(0, 500);
    if (!title) errors.push({ column: 'title', message: 'Required' });
    const ruleId = r.rule?.trim().slice(0, 200) || null;
    const location = r.location?.trim().slice(0, 1000) || null;
    const identity = r.identity?.trim().slice(0, 1000) || (ruleId ? `rule:${ruleId}@${location ?? ''}` : '');
    if (!identity)
      errors.push({ column: 'identity', message: 'An identity, or a rule to identify the finding by' });
    const severity = severityOf(r);
    if ('column' in severity) errors.push(severity);
    let systemId: string | null = null;
    if (engagement && r.system?.trim()) {
      systemId = c.systems.get(`${engagement.siteId}:${r.system.trim().toLowerCase()}`) ?? null;
      if (!systemId)
        errors.push({ column: 'system', message: `No system ${r.system} at the engagement's site` });
    }
    if (errors.length || !engagement || 'column' in severity) return { errors };
    return {
      row: {
        engagementId: engagement.id,
        siteId: engagement.siteId,
        scanScope: engagement.scope,
        tool,
        ruleId,
        identity,
        title,
        location,
        systemId,
        ...severity.ok,
      },
    };
  },
  async insert(_trx, rows, c) {
    // Staged: the rescan rule needs every finding of the file before it closes what the file left out.
    for (const r of rows) c.staged.set(findingKey(r), r);
    return 0;
  },
  async finish(trx, c, meta, progress) {
    const at = new Date();
    const today = utcDay(at);
    const groups = new Map<string, FindingImportRow[]>();
    for (const r of c.staged.values()) {
      const k = `${r.siteId}\u0000${r.tool}`;
      groups.set(k, [...(groups.get(k) ?? []), r]);
    }
    let done = 0;
    for (const rows of groups.values()) {
      const known = new Map(
        (await knownIn(trx, rows)).map((f) => [
          findingKey({ siteId: f.site_id, tool: f.tool, identity: f.identity }),
          f,
        ]),
      );
      for (const r of rows) {
        const seen = {
          last_engagement_id: r.engagementId,
          scan_scope: r.scanScope,
          rule_id: r.ruleId,
          title: r.title,
          location: r.location,
          cvss_vector: r.cvssVector,
          cvss_score: r.cvssScore,
          severity: r.severity,
          severity_rank: rank(r.severity),
          severity_source: r.severitySource,
          last_seen_at: at,
          last_import_id: meta.importId,
          updated_at: at,
          updated_by: meta.actorId,
        };
        const before = known.get(findingKey(r));
        if (!before) {
          await trx
            .insertInto('infosec_findings')
            .values({
              ...seen,
              site_id: r.siteId,
              engagement_id: r.engagementId,
              system_id: r.systemId,
              tool: r.tool,
              identity: r.identity,
              opened_on: today,
              first_seen_at: at,
              due_on: dueOn(today, r.severity, c.policy),
              created_by: meta.actorId,
            })
            .execute();
          c.counts.new++;
        } else {
          const reopen = before.status === 'closed';
          const openedOn = reopen ? today : before.opened_on;
          await trx
            .updateTable('infosec_findings')
            .set({
              ...seen,
              system_id: r.systemId ?? before.system_id,
              opened_on: openedOn,
              due_on: dueOn(openedOn, r.severity, c.policy),
              version: sql`version + 1`,
              ...(reopen
                ? {
                    status: 'open',
                    closed_at: null,
                    closed_reason: null,
                    evidence: null,
                    reopened_count: sql`reopened_count + 1`,
                  }
                : {}),
            })
            .where('id', '=', before.id)
            .execute();
          if (reopen) c.counts.reopened++;
          else c.counts.merged++;
        }
        if (++done % 200 === 0) progress(done / c.staged.size);
      }
    }
    // The same tool rescanning the same scope: what it no longer reports is fixed.
    const scopes = new Map<string, { siteId: string; tool: string; scanScope: string }>();
    for (const r of c.staged.values())
      scopes.set(`${r.siteId}\u0000${r.tool}\u0000${r.scanScope}`, {
        siteId: r.siteId,
        tool: r.tool,
        scanScope: r.scanScope,
      });
    for (const scope of scopes.values())
      c.counts.closed += await repo.closeUnreported(trx, scope, meta.importId, at, meta.actorId);
    progress(1);
    return c.counts.new;
  },
  auditDetails(c) {
    return { ...c.counts };
  },
});

async function knownIn(trx: Db, rows: FindingImportRow[]) {
  const found = [];
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    found.push(
      ...(await repo.knownFindings(
        trx,
        chunk[0].siteId,
        chunk[0].tool,
        chunk.map((r) => r.identity),
      )),
    );
  }
  return found;
}
