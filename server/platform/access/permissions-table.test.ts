import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { programKeys } from '#shared/platform/access/programs.ts';
import { registerModulePolicies } from '../../services.ts';
import { permissionsTable, TABLE_END, TABLE_START, withPermissionsTable } from './permissions-table.ts';
import { allPermissions, grantsMatch, readOnlyRoles } from './policy.ts';

registerModulePolicies();
const permissions = allPermissions();
const programs = programKeys();

const securityMd = readFileSync(path.resolve(import.meta.dirname, '../../../SECURITY.md'), 'utf8');

describe('the permissions table in SECURITY.md', () => {
  it('is the table generated from the policy (run npm run docs:permissions when it is not)', () => {
    const inFile = securityMd.slice(
      securityMd.indexOf(TABLE_START) + TABLE_START.length,
      securityMd.indexOf(TABLE_END),
    );
    expect(securityMd).toContain(TABLE_START);
    // Compared cell by cell, so that a Markdown formatter padding the columns does not make it stale.
    const cells = (table: string) =>
      table
        .trim()
        .split('\n')
        .map((line) => line.replace(/\s*\|\s*/g, '|').replace(/-{3,}/g, '---'));
    expect(cells(inFile)).toEqual(cells(permissionsTable()));
    expect(cells(withPermissionsTable(securityMd))).toEqual(cells(securityMd));
  });

  it('has one row per permission, and says which roles hold it', () => {
    const lines = permissionsTable().split('\n');
    expect(lines).toHaveLength(permissions.length + 2);
    expect(lines[0]).toBe(
      '| Permission | `group_admin` | `program_owner` | `site_officer` | `employee` | `auditor` | `board` | `medical` |',
    );
    expect(lines).toContain('| `ohs.report` | yes | OHS only | yes | yes | – | – | yes |');
    expect(lines).toContain('| `health.individual` | – | – | – | – | – | – | yes |');
  });
});

/** A permission's name says whether it reads or changes: `.read`/`.individual` read; `.manage`/`.report`/`.disclose`/`.ingest` change. */
const changes = (p: string) => /\.(manage|report|disclose|ingest)$/.test(p);
const reads = (p: string) => /\.(read|individual)$/.test(p);

describe('read-only roles', () => {
  it('has every permission named either as a read or as a change, so that none escapes the rule', () => {
    const unnamed = permissions.filter((p) => changes(p) === reads(p));
    expect(unnamed).toEqual([]);
  });

  it('hold no permission that names a change', () => {
    const writes = permissions.filter(changes);
    expect(writes.length).toBeGreaterThan(10);
    const held = readOnlyRoles.flatMap((role) =>
      writes.flatMap((p) =>
        [null, ...programs]
          .filter((program) => grantsMatch(p, role, program))
          .map((program) => `${role} ${p} ${program}`),
      ),
    );
    expect(held).toEqual([]);
  });

  it('still read: the auditor and the Board member see the OHS program', () => {
    for (const role of readOnlyRoles) expect(grantsMatch('ohs.read', role, null)).toBe(true);
  });
});
