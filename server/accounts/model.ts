import mongoose, { type InferSchemaType } from 'mongoose';

export const ROLES = ['admin', 'hr_lead', 'researcher'] as const;
export type Role = (typeof ROLES)[number];

// A staff account, keyed by its normalised email so sign-in reads one document by _id.
const userSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true, maxlength: 254 },
    role: { type: String, required: true, enum: ROLES },
    // council codes an HR lead may see; empty for admins and researchers, who see every council
    pilots: { type: [String], default: [] },
    passwordHash: { type: String, required: true },
    disabled: { type: Boolean, default: false },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false },
);

export type UserDoc = InferSchemaType<typeof userSchema> & { _id: string; role: Role };
export const User = mongoose.model('User', userSchema);

// A signed-in session, keyed by the SHA-256 of its cookie token: the token itself is never
// stored, so a copy of this collection signs nobody in. Expiry is enforced in code (no TTL).
const sessionSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true, match: /^[0-9a-f]{64}$/ },
    email: { type: String, required: true },
    csrfToken: { type: String, required: true },
    createdAt: { type: Date, required: true },
    lastSeenAt: { type: Date, required: true },
    // the OpenID Connect provider's id when signed in through one; absent for a password sign-in
    provider: { type: String },
  },
  { versionKey: false },
);
sessionSchema.index({ email: 1 });

export type SessionDoc = InferSchemaType<typeof sessionSchema> & { _id: string };
export const Session = mongoose.model('Session', sessionSchema);

// Claims that serialise changes which can take admin access away (see admins-left.ts): one
// document per 30-second slot, held by unique insert and deleted when the change is saved.
export const AdminChangeClaim = mongoose.model(
  'AdminChangeClaim',
  new mongoose.Schema(
    { _id: { type: String, required: true }, holder: { type: String, required: true } },
    { versionKey: false },
  ),
  'adminchangeclaims',
);
