import { randomBytes } from 'node:crypto';
import { hash, verify, type Algorithm } from '@node-rs/argon2';

// argon2id with the library's defaults (19 MiB, 2 passes, 1 lane): OWASP's recommended minimum.
// Algorithm is a const enum (not importable under isolatedModules); 2 is Argon2id.
const options = { algorithm: 2 as Algorithm };

export const hashPassword = (password: string): Promise<string> => hash(password, options);

// Unknown and disabled accounts are checked against this hash too, so the time taken does not
// tell an attacker whether an email has an account.
let decoy: Promise<string> | undefined;

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  const target = passwordHash ?? (await (decoy ??= hashPassword(randomBytes(16).toString('hex'))));
  try {
    return (await verify(target, password)) && passwordHash !== null;
  } catch {
    return false; // a malformed stored hash signs nobody in
  }
}

// 18 random bytes: 144 bits, 24 URL-safe characters, printed or returned once.
export const generatePassword = (): string => randomBytes(18).toString('base64url');
