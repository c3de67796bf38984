import { createHash } from 'node:crypto';
import mongoose from 'mongoose';

// One per campaign that has an email list: its reminder dates. Small: the scheduler reads it whole.
const listSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    reminders: { type: [String], default: [] },
    remindersQueued: { type: [String], default: [] },
    // the first day the sweep saw the campaign closed by hand (a wave's own end is its closesOn)
    closedSeenOn: { type: String },
  },
  { versionKey: false },
);
export const InvitationList = mongoose.model('InvitationList', listSchema);

// The addresses of one campaign live in their own collection, `invitees_<campaign code>`:
// choosing a reminder's recipients scans only that campaign, and deleting the list drops it whole.
// `used` is written in place on a document that exists from the upload on, so it carries no
// time and no order of answering; it is a plain yes/no.
export type InviteeDoc = { _id: string; email: string; lang: InvitationLang; used: boolean };
export type InvitationLang = 'en' | 'cy' | 'both';
export const inviteeCollectionName = (campaign: string) => `invitees_${campaign}`;
export const inviteesOf = (campaign: string) =>
  mongoose.connection.db!.collection<InviteeDoc>(inviteeCollectionName(campaign));

// An invitee's id is derived from the address, so uploading the same address twice is refused
// by the database itself, without a race.
export const inviteeId = (email: string) =>
  createHash('sha256').update(email.toLowerCase()).digest('base64url').slice(0, 22);

// Every emailed link has its own random token; only its SHA-256 is stored, as the _id.
export const InvitationToken = mongoose.model(
  'InvitationToken',
  new mongoose.Schema(
    {
      _id: { type: String, required: true },
      campaign: { type: String, required: true },
      invitee: { type: String, required: true },
      purpose: { type: String, required: true, enum: ['survey', 'optout'] },
    },
    { versionKey: false },
  ),
);

export const InvitationOptOut = mongoose.model(
  'InvitationOptOut',
  new mongoose.Schema(
    {
      _id: { type: String, required: true },
      campaign: { type: String, required: true },
    },
    { versionKey: false },
  ),
);

// A submission in flight for one invitee, inserted (atomically) before the response is stored
// and deleted once the invitee is marked used: the collection is normally empty, so it keeps
// no record of the order in which people answered. `h` is SHA-256(token | submissionId): only
// the holder of the emailed token can recognise it, and it lets a retry after a crash finish.
export const InvitationClaim = mongoose.model(
  'InvitationClaim',
  new mongoose.Schema(
    {
      _id: { type: String, required: true },
      campaign: { type: String, required: true },
      h: { type: String, required: true },
    },
    { versionKey: false },
  ),
);

export const personKey = (campaign: string, invitee: string) => `${campaign}:${invitee}`;
