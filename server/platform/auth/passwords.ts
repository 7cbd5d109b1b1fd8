import { hash, verify } from '@node-rs/argon2';

// argon2id with OWASP's minimum recommended cost (19 MiB, 2 iterations).
const options = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Verified against when the account does not exist, so a miss costs the same time as a wrong password. */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword('steward-decoy-password');
  return decoy;
}

export const passwordPolicy = {
  minLength: 12,
  maxLength: 256,
};

/** Returns the reasons a new password is refused (empty when acceptable). */
export function passwordProblems(password: string, context: { email?: string } = {}): string[] {
  const problems: string[] = [];
  if (password.length < passwordPolicy.minLength)
    problems.push(`at least ${passwordPolicy.minLength} characters`);
  if (password.length > passwordPolicy.maxLength)
    problems.push(`at most ${passwordPolicy.maxLength} characters`);
  if (new Set(password).size < 5) problems.push('at least 5 different characters');
  const local = context.email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 3 && password.toLowerCase().includes(local))
    problems.push('not containing your email name');
  return problems;
}
