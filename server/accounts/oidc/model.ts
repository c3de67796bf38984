import mongoose, { type InferSchemaType } from 'mongoose';

// A sign-in under way at a provider: what the callback must see again (state, nonce) and the PKCE
// verifier, keyed by the SHA-256 of a random cookie value. Read once and deleted at the callback;
// ones never finished are deleted by the next sign-in to start after they expire (no TTL).
const pendingSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true, match: /^[0-9a-f]{64}$/ },
    provider: { type: String, required: true },
    state: { type: String, required: true },
    nonce: { type: String, required: true },
    codeVerifier: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false },
);

export type PendingSignInDoc = InferSchemaType<typeof pendingSchema> & { _id: string };
export const PendingSignIn = mongoose.model('OidcPendingSignIn', pendingSchema);
