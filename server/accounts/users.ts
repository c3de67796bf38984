import { conflict, notFound } from '../errors.js';
import { existingCouncilCodes } from '../study/store.js';
import { withAnotherAdminLeft } from './admins-left.js';
import { invalid } from './errors.js';
import { Session, User, type Role, type UserDoc } from './model.js';
import { generatePassword, hashPassword } from './passwords.js';
import { normaliseEmail } from './rules.js';
import { NewUser, UserChange } from './schemas.js';

export type PublicUser = { email: string; role: Role; pilots: string[]; disabled: boolean; createdAt: Date };
// `password` is there only when the service generated it: shown once, never stored in clear.
export type UserWithPassword = { user: PublicUser; password?: string };

const publicUser = (u: Omit<UserDoc, 'passwordHash'>): PublicUser => ({
  email: u._id,
  role: u.role,
  pilots: u.pilots,
  disabled: u.disabled ?? false,
  createdAt: u.createdAt,
});

async function checkCouncilsExist(codes: string[]): Promise<void> {
  if (codes.length === 0) return;
  const found = await existingCouncilCodes(codes);
  const missing = codes.filter((c) => !found.has(c));
  if (missing.length) throw invalid('pilots', `no council with code ${missing.join(', ')}`);
}

export async function createUser(input: unknown): Promise<UserWithPassword> {
  const data = NewUser.parse(input);
  await checkCouncilsExist(data.pilots);
  const password = data.password ?? generatePassword();
  const doc = { _id: data.email, role: data.role, pilots: data.pilots, disabled: false, createdAt: new Date() };
  try {
    await User.create({ ...doc, passwordHash: await hashPassword(password) });
  } catch (err) {
    if ((err as { code?: number }).code === 11000) throw conflict(`There is already an account for ${data.email}.`);
    throw err;
  }
  return { user: publicUser(doc), ...(data.password ? {} : { password }) };
}

export async function listUsers(): Promise<PublicUser[]> {
  const users = await User.find({}, { passwordHash: 0 }).sort({ _id: 1 }).lean<UserDoc[]>();
  return users.map(publicUser);
}

async function findUser(email: string): Promise<UserDoc> {
  const user = await User.findById(normaliseEmail(email)).lean<UserDoc>();
  if (!user) throw notFound(`No account for ${email}.`);
  return user;
}

// Role and councils are checked together after the change: leaving the HR lead role drops the
// councils, joining it needs at least one.
function scopeAfter(user: UserDoc, change: UserChange): { role: Role; pilots: string[] } {
  const role = change.role ?? user.role;
  if (role !== 'hr_lead') {
    if (change.pilots?.length) throw invalid('pilots', 'only HR leads are limited to councils; leave pilots out');
    return { role, pilots: [] };
  }
  const councils = change.pilots ?? user.pilots;
  if (councils.length === 0) throw invalid('pilots', 'an HR lead needs at least one council');
  return { role, pilots: councils };
}

// An admin cannot lock themselves out, and a change that may take admin access away runs only
// while another enabled admin is left (admins-left.ts), so there is always at least one admin.
export async function updateUser(email: string, input: unknown, actingEmail: string): Promise<UserWithPassword> {
  const change = UserChange.parse(input);
  const user = await findUser(email);
  const mayRemoveAdmin = (change.role !== undefined && change.role !== 'admin') || change.disabled === true;
  if (user._id === actingEmail && mayRemoveAdmin) {
    throw conflict('You cannot remove your own admin access or disable your own account; ask another admin.');
  }
  const scope = scopeAfter(user, change);
  await checkCouncilsExist(scope.pilots);
  const password = change.resetPassword ? generatePassword() : undefined;
  const set = {
    ...scope,
    ...(change.disabled === undefined ? {} : { disabled: change.disabled }),
    ...(password ? { passwordHash: await hashPassword(password) } : {}),
  };
  const save = () => User.updateOne({ _id: user._id }, { $set: set });
  await (mayRemoveAdmin ? withAnotherAdminLeft(user._id, save) : save());
  if (change.disabled || password) await Session.deleteMany({ email: user._id });
  return { user: publicUser({ ...user, ...set }), ...(password ? { password } : {}) };
}

// Every enabled HR lead with the councils on their account, for the weekly digest (a small
// collection: read whole).
export async function hrLeadRecipients(): Promise<{ email: string; councilCodes: string[] }[]> {
  const leads = await User.find({ role: 'hr_lead' }, { pilots: 1, disabled: 1 }).lean();
  return leads.filter((u) => !u.disabled && u.pilots.length > 0).map((u) => ({ email: u._id, councilCodes: u.pilots }));
}

export async function deleteUser(email: string, actingEmail: string): Promise<void> {
  const user = await findUser(email);
  if (user._id === actingEmail) throw conflict('You cannot delete your own account; ask another admin.');
  await withAnotherAdminLeft(user._id, () => User.deleteOne({ _id: user._id }));
  await Session.deleteMany({ email: user._id });
}
