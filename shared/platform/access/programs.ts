import { z } from 'zod';

/**
 * The program keys. Each program's manifest declares its key into this interface (declaration merging), so
 * that `Program` is the union of the keys of the modules in the source tree and a typo in a grant, a
 * scope check or a committee's program fails to compile:
 *
 *   declare module './programs.ts' { interface ProgramKeys { ohs: true } }
 *
 * At run time the keys come from the module list the process runs with (`registerPrograms`), so that an app
 * built with another list (a test's throwaway module) knows exactly its own programs.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by the module manifests through declaration merging.
export interface ProgramKeys {}
export type Program = Extract<keyof ProgramKeys, string>;

const registered: Program[] = [];

/**
 * The zod schema of a program key: one of the registered keys. The OpenAPI document lists them as the
 * enumeration of every field that holds one (the registry's metadata is read when the document is built).
 */
export const programKey = z
  .string()
  .refine((key) => isProgram(key), { message: 'Unknown program' }) as unknown as z.ZodType<Program>;

/** Adds the programs of a module list, in order (the platform's program pickers list them so). */
export function registerPrograms(keys: readonly string[]) {
  for (const key of keys) if (!isProgram(key)) registered.push(key as Program);
  z.globalRegistry.add(programKey, { enum: [...registered] });
}

/** The programs of the module list the process runs with. */
export function programKeys(): readonly Program[] {
  return registered;
}

export function isProgram(key: string): key is Program {
  return (registered as readonly string[]).includes(key);
}
