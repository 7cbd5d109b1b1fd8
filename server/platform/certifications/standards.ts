import type { Program } from '#shared/platform/access/programs.ts';
import { type CertificateStandard, programOfStandard } from './rules/status.ts';

/**
 * The certificate standards the programs own, declared in their manifests and gathered at start-up (the
 * platform names no standard of its own; users may record others, which belong to no program).
 */
const owned: (CertificateStandard & { program: Program })[] = [];

export function registerStandards(program: Program, standards: readonly CertificateStandard[]) {
  for (const standard of standards)
    if (!owned.some((s) => s.name === standard.name)) owned.push({ ...standard, program });
}

/** The standards offered when a certificate is recorded, in the order of the module list. */
export function knownStandards(): string[] {
  return owned.map((s) => s.name);
}

/** The program that owns a standard's certificates, or null for a standard no program declares. */
export function standardProgram(standard: string): Program | null {
  return programOfStandard(standard, owned);
}
