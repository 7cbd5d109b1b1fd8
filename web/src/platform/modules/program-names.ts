import type { ParseKeys } from 'i18next';

/**
 * A program's name comes from its module's own texts (`program.name` and `program.short` in the namespace
 * that carries the program's key): the platform names no program.
 */
export const programNameKey = (program: string) => `${program}:program.name` as ParseKeys;

/** The short name, for tight places (a role's description, a committee's column). */
export const programShortKey = (program: string) => `${program}:program.short` as ParseKeys;
