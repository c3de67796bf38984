import { invitations } from '../api.js';

// The invitations API's shapes (GET /api/v1/invitations/:code and friends), and the campaign
// they belong to as the council's overview describes it.
export type MailCounts = { sent: number; notNeeded: number; waiting: number; failed: number; unknown: number };
export type MailProblem = {
  id: string;
  kind: 'invitation' | 'reminder' | 'digest';
  state: 'failed' | 'unknown';
  to: string | null;
  attempts: number;
  error: string | null;
  day: string;
};
export type InvitationStatus = {
  campaign: string;
  listed: number;
  optedOutOfReminders: number;
  requireInvitation: boolean;
  reminders: { dates: string[]; queued: string[] };
  mail: { invitation: MailCounts; reminder: MailCounts };
  problems: MailProblem[];
  deleteAfter: string | null; // null: there is no list
  anonymity: string;
};
export type UploadResult = { added: number; alreadyListed: number; duplicates: number };
export type ListProblem = { line: number; value: string; problem: string };
export type Lang = 'en' | 'cy' | 'both';

export type CampaignInfo = {
  code: string;
  council: { code: string; name: string };
  wave: { id: string; name: string; opensOn: string; closesOn: string };
  status: 'scheduled' | 'open' | 'closed';
};

export const invitationApi = {
  status: (code: string) => invitations.status<InvitationStatus>(code),
  upload: (code: string, csv: string, lang: Lang) => invitations.upload<UploadResult>(code, csv, lang),
  setReminders: invitations.setReminders,
  deleteList: invitations.deleteList,
  resend: invitations.resend,
};

export const hasList = (s: InvitationStatus) => s.deleteAfter !== null || s.listed > 0;
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

// The server sends the statement as text: a title, a blank line, then "- " points.
export function anonymityParts(text: string): { title: string; points: string[] } {
  const [title = '', ...rest] = text.split('\n');
  const points = rest
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .map((l) => l.replace(/^- /, ''));
  return { title, points };
}
