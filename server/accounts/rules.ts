import { timingSafeEqual } from 'node:crypto';
import type { Role } from './model.js';

export type StaffUser = { email: string; role: Role; pilots: string[] };
export type SessionTimes = { createdAt: Date; lastSeenAt: Date };
export type SessionLimits = { idleMs: number; absoluteMs: number };

// Admins and researchers see every council; an HR lead sees the councils named on the account.
export const canReadCouncil = (user: StaffUser, code: string): boolean =>
  user.role === 'admin' || user.role === 'researcher' || (user.role === 'hr_lead' && user.pilots.includes(code));

// Researchers read; only admins and the council's own HR leads enter figures.
export const canEditCouncil = (user: StaffUser, code: string): boolean =>
  user.role === 'admin' || (user.role === 'hr_lead' && user.pilots.includes(code));

export const hasRole = (user: StaffUser, roles: readonly Role[]): boolean => roles.includes(user.role);

export function sessionExpired(session: SessionTimes, now: number, limits: SessionLimits): boolean {
  return now - session.lastSeenAt.getTime() >= limits.idleMs || now - session.createdAt.getTime() >= limits.absoluteMs;
}

export function sameToken(expected: string, given: unknown): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();
