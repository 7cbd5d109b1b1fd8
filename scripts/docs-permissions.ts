#!/usr/bin/env node
// `npm run docs:permissions`: writes the table of permissions by role into SECURITY.md, from the policy table.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { withPermissionsTable } from '../server/platform/access/permissions-table.ts';
import { registerModulePolicies } from '../server/services.ts';

registerModulePolicies();

const file = path.resolve(import.meta.dirname, '..', 'SECURITY.md');
const before = readFileSync(file, 'utf8');
const after = withPermissionsTable(before);
if (after !== before) writeFileSync(file, after);
console.log(
  after === before ? 'SECURITY.md: the permissions table is up to date' : 'SECURITY.md: table rewritten',
);
