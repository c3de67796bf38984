import mongoose, { type InferSchemaType } from 'mongoose';

// Built around two facts about FerretDB 1.24 on SQLite: any filter but a bare _id scans the
// collection, and an update is a read-modify-write, so two processes "claiming" the same
// document with findOneAndUpdate (or a conditional updateOne) can both succeed: in a race of
// 16 claimers over 100 queued documents, 285 claims succeeded. Inserting a unique _id is atomic,
// so every claim here is an insert. Hence:
//   outbox       small: messages due soon (fed from mailings ~100 at a time); updated only by
//                the worker that claimed the message, removed in batches once done
//   outboxclaims insert-only: `<message id>#<round>`; inserting it is the right to send that
//                round, so one round of one message is sent by one worker at most
//   mailings     small: one per bulk send (an upload's invitations, a reminder date, a digest week)
//   maildone     insert-only: every finished message id, so a message is never queued again
//   mailproblems failed for good, or fate unknown: shown to admins, who may resend
//   mailleases   insert-only time slots: which process sends (keeps the rate global)

const kinds = ['invitation', 'reminder', 'digest'];

// What a message is, shared by the outbox and the problems list it may end up on.
// A digest is rendered when queued; invitations and reminders at send time, because their
// links are fresh tokens that exist only in the email itself.
const messageFields = {
  _id: { type: String, required: true },
  kind: { type: String, required: true, enum: kinds },
  campaign: { type: String },
  invitee: { type: String },
  to: { type: String },
  subject: { type: String },
  text: { type: String },
  html: { type: String },
};

const outboxSchema = new mongoose.Schema(
  {
    ...messageFields,
    // the claim `<id>#<round>` marks a round as taken; a retry moves to the next round
    round: { type: Number, required: true, default: 0 },
    attempts: { type: Number, required: true, default: 0 },
    due: { type: Date, required: true },
    error: { type: String },
  },
  { versionKey: false },
);

export type OutboxDoc = InferSchemaType<typeof outboxSchema> & { _id: string };
export type MessageKind = 'invitation' | 'reminder' | 'digest';
export const OutboxMessage = mongoose.model('OutboxMessage', outboxSchema, 'outbox');

export const OutboxClaim = mongoose.model(
  'OutboxClaim',
  new mongoose.Schema(
    {
      _id: { type: String, required: true },
      campaign: { type: String },
      at: { type: Date, required: true },
    },
    { versionKey: false },
  ),
  'outboxclaims',
);

const mailingSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    kind: { type: String, required: true, enum: kinds },
    campaign: { type: String },
    invitees: { type: [String], default: [] },
    next: { type: Number, required: true, default: 0 },
    notBefore: { type: String, match: /^\d{4}-\d{2}-\d{2}$/ },
    // held while its addresses are still being stored; released by the upload, or after
    // ten minutes if the upload died half-way (so everything stored is still invited)
    holdUntil: { type: Date },
    done: { type: Boolean, required: true, default: false },
  },
  { versionKey: false },
);

export type MailingDoc = InferSchemaType<typeof mailingSchema> & { _id: string };
export const Mailing = mongoose.model('Mailing', mailingSchema);

export const MailDone = mongoose.model(
  'MailDone',
  new mongoose.Schema(
    {
      _id: { type: String, required: true },
      campaign: { type: String },
      kind: { type: String, required: true },
      skipped: { type: Boolean, required: true },
    },
    { versionKey: false },
  ),
  'maildone',
);

const problemSchema = new mongoose.Schema(
  {
    ...messageFields,
    state: { type: String, required: true, enum: ['failed', 'unknown'] },
    round: { type: Number, required: true },
    attempts: { type: Number, required: true },
    error: { type: String },
    day: { type: String, required: true },
  },
  { versionKey: false },
);

export type ProblemDoc = InferSchemaType<typeof problemSchema> & { _id: string };
export const MailProblem = mongoose.model('MailProblem', problemSchema, 'mailproblems');

export const isDuplicateKey = (err: unknown) => (err as { code?: number } | null)?.code === 11000;
