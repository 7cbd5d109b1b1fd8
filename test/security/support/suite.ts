import type { Program } from '#shared/platform/access/programs.ts';
import { programModules } from '../../../server/modules/index.ts';
import type { AnyProgramModule } from '../../../server/platform/modules/manifest.ts';
import type { Family, FamilySpec } from './family-kit.ts';
import { PLATFORM_FAMILIES } from './platform-families.ts';
import { assemblePolicy, type ExpectedPolicy, type Location } from './policy.ts';
import { PLATFORM_ROUTE_CHECKS } from './route-checks.ts';
import { registryRouteChecks } from './route-checks-registries.ts';
import type { ModuleSecurity, RegistrySample, RouteSpec } from './route-kit.ts';

export type { Check, Ctx, RouteSpec } from './route-kit.ts';

/**
 * The security suite of an app built with a module list: the platform's part joined with each module's, which
 * its manifest loads (`securityChecks`: its rows of the route table, its part of the expected policy and its
 * families of records). Nothing here names a program: the programs are the list's.
 */
export type SecuritySuite = {
  /** The route table: how the matrix reaches each route, keyed `METHOD url`. */
  routes: Record<string, RouteSpec>;
  /** The expected policy: every role variant with the permissions it holds. */
  policy: ExpectedPolicy;
  /** The families of records that parametrised routes act on. */
  families: Record<Family, FamilySpec>;
  /** The program the shared registries' records are filed under. */
  registries: RegistrySample;
};

/** Adds `rows` to `table`; a key that two parts declare is a mistake, found here. */
function join<T>(table: Record<string, T>, rows: Record<string, T | undefined>, what: string, owner: string) {
  for (const [key, row] of Object.entries(rows)) {
    if (row === undefined) continue;
    if (table[key]) throw new Error(`${key} has two entries in the security suite's ${what} (${owner})`);
    table[key] = row;
  }
}

/** The families a route row names (its own and those it prepares). */
function familiesOf(spec: RouteSpec): Family[] {
  return spec.checks.flatMap((check) => [
    ...('family' in check && check.family ? [check.family] : []),
    ...(check.kind === 'record' ? (check.prepare ?? []) : []),
  ]);
}

export async function securitySuite(
  modules: readonly AnyProgramModule[] = programModules,
): Promise<SecuritySuite> {
  const parts: (ModuleSecurity & { key: Program })[] = [];
  for (const module of modules) {
    const part = (await module.securityChecks?.()) as ModuleSecurity | undefined;
    if (part) parts.push({ ...part, key: module.key });
  }
  const lenders = parts.flatMap((p) => (p.registries ? [{ program: p.key, ...p.registries }] : []));
  if (lenders.length !== 1)
    throw new Error(
      `One module must lend its program to the shared registries of the security suite (\`registries\` in its security.ts); ${lenders.length} do`,
    );
  const registries: RegistrySample = lenders[0];

  const routes: Record<string, RouteSpec> = {};
  join(routes, PLATFORM_ROUTE_CHECKS, 'route table', 'platform');
  join(routes, registryRouteChecks(registries), 'route table', 'platform');
  const families = { ...PLATFORM_FAMILIES } as Record<Family, FamilySpec>;
  for (const part of parts) {
    join(routes, part.routes, 'route table', part.key);
    join(families, part.families, 'families', part.key);
  }
  for (const [key, spec] of Object.entries(routes))
    for (const family of familiesOf(spec))
      if (!families[family])
        throw new Error(`${key} names the family ${family}, which no part of the suite seeds`);

  return { routes, policy: assemblePolicy(parts), families, registries };
}

/** The suite of the app with the default module list. */
export const SUITE = await securitySuite();
export const ROUTE_CHECKS = SUITE.routes;
export const FAMILY_LOCATIONS = Object.fromEntries(
  Object.entries(SUITE.families).map(([family, spec]) => [family, spec.locations]),
) as Record<Family, Location[]>;
