// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are whatever the API sent.
import type { ApiResponse } from '../../support/app.ts';
import { EMPLOYEES } from '../../support/fixture.ts';
import type { Location, SiteCode } from './policy.ts';
import type { Ctx } from './route-kit.ts';

/**
 * The families of records that the security suite's parametrised routes act on, and the helpers that seed
 * them. The platform's families are in platform-families.ts; each program module keeps its own in its
 * `security-fixture.ts`. A module's security files import values from this file, route-kit.ts and the test
 * fixture only (types from anywhere): the files that assemble the suite (suite.ts and those importing it) load
 * the modules' files while they are evaluated, and would wait on themselves.
 */
export type PlatformFamily =
  | 'subsidiary'
  | 'site'
  | 'area'
  /** A day of a working calendar: a country's (the group) or a site's own. */
  | 'calendarDay'
  | 'employee'
  | 'contractorCompany'
  | 'contractorWorker'
  | 'external'
  | 'user'
  | 'obligation'
  | 'certification'
  | 'action'
  | 'committee'
  | 'committeeMember'
  | 'meeting'
  | 'document'
  | 'course'
  /** Personal records: another user's (they must not exist for anyone else). */
  | 'token'
  | 'notification'
  | 'import';

/**
 * The programs' families, by name: each module's security fixture declares its own into this interface
 * (declaration merging), so that a route row naming a family nobody seeds fails to compile:
 *
 *   declare module '../../../test/security/support/family-kit.ts' { interface ModuleFamilies { <family>: true } }
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by the modules' security fixtures through declaration merging.
export interface ModuleFamilies {}
export type Family = PlatformFamily | Extract<keyof ModuleFamilies, string>;

/**
 * A family: the locations it has a record at, and how one is found or seeded there through the API (`n` is a
 * number unique in this run). Records are seeded by fixture users who are not matrix actors, so that no matrix
 * actor is the owner, reporter or member of anything it is asked about.
 */
export type FamilySpec = {
  locations: Location[];
  seed: (ctx: Ctx) => Promise<string>;
  /** The source type its records are known by (`/api/sources/:type/:id`), when they are an action's source. */
  sourceType?: string;
};

/** A person of each site (not the one the fixture's employee user is). */
export const EMPLOYEE_AT: Record<SiteCode, string> = {
  K7: EMPLOYEES['K7-0002'].id,
  PG: EMPLOYEES['PG-0001'].id,
  TC: EMPLOYEES['TC-0001'].id,
};

/** A 1×1 PNG. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

/** A multipart/form-data body with one file in the field "file". */
export async function multipart(filename: string, bytes: Buffer | string, field = 'file') {
  const form = new FormData();
  form.append(field, new Blob([new Uint8Array(Buffer.from(bytes))]), filename);
  const request = new Request('http://local/', { method: 'POST', body: form });
  return {
    body: Buffer.from(await request.arrayBuffer()),
    contentType: request.headers.get('content-type') as string,
  };
}

export function isoDay(offsetDays: number) {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

/** The body of a seeding request's answer; a refusal stops the suite, saying what could not be seeded. */
export function seeded(res: ApiResponse, what: string): any {
  if (res.status >= 300) throw new Error(`Seeding ${what} failed: ${res.status} ${res.text.slice(0, 400)}`);
  return res.body;
}
