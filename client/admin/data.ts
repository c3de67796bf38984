import { adminGet, adminSend, type StaffUser } from '../api.js';

// The admin API's shapes, and one typed call per endpoint (the requests themselves are in api.ts).
export type Arm = 'pilot' | 'comparison';
export type Role = StaffUser['role'];
export type AdminCouncil = {
  code: string;
  name: string;
  arm: Arm;
  region: string | null;
  practiceModelStart: string | null;
};
export type AdminWave = {
  id: string;
  name: string;
  opensOn: string;
  closesOn: string;
  surveyId: string;
  surveyVersion: number;
};
export type AdminSurvey = {
  id: string;
  version: number;
  title: string | Record<string, string>;
  hash?: string;
  source?: 'built-in' | 'added';
  addedBy?: string | null;
  addedAt?: string | null;
  scales?: { id: string; label: string }[];
  flags?: { id: string; label: string }[];
  demographics?: string[];
};
export type SurveyProposal = { kind: 'scale' | 'flag' | 'demographic'; id: string; label: string; because: string };
// POST /admin/surveys: with check=true nothing is stored; `definition` is in our format, with `survey` the SurveyJS JSON
export type SurveyAddition = {
  stored: boolean;
  created?: boolean;
  key?: string;
  derived: boolean;
  proposals: SurveyProposal[];
  notes: string[];
  definition: { id: string; version: number; title: Record<string, string>; survey: object };
};
export type AdminCampaign = {
  code: string;
  link: string;
  pilotCode: string;
  waveId: string;
  status: 'scheduled' | 'open' | 'closed';
  headcount: number | null;
  allowFreeText: boolean;
  closedManually: boolean;
  council?: string | null;
  responses?: number | null; // only in the wave's list; null: fewer than the minimum, not in a create or change answer
};
export type AdminUser = { email: string; role: Role; pilots: string[]; disabled: boolean; createdAt: string };
// `password` comes back only when the server generated one: it is shown once and never again.
export type SavedUser = { user: AdminUser; password?: string };

export type CouncilChange = Partial<{
  name: string;
  arm: Arm;
  region: string | null;
  practiceModelStart: string | null;
}>;
export type WaveChange = Partial<Pick<AdminWave, 'name' | 'opensOn' | 'closesOn'>>;
export type CampaignChange = Partial<{ headcount: number | null; allowFreeText: boolean; closed: boolean }>;
export type UserChange = Partial<{ role: Role; pilots: string[]; disabled: boolean; resetPassword: true }>;

const at = encodeURIComponent;

export const admin = {
  surveys: () => adminGet<AdminSurvey[]>('/surveys'),
  addSurvey: (json: unknown, options: { check: boolean; suppliedBy?: string }) => {
    const query = new URLSearchParams({
      check: String(options.check),
      ...(options.suppliedBy ? { suppliedBy: options.suppliedBy } : {}),
    });
    return adminSend<SurveyAddition>('POST', `/surveys?${query}`, json);
  },
  councils: () => adminGet<AdminCouncil[]>('/pilots'),
  addCouncil: (c: Pick<AdminCouncil, 'code' | 'name' | 'arm'> & { region?: string; practiceModelStart?: string }) =>
    adminSend<AdminCouncil>('POST', '/pilots', c),
  changeCouncil: (code: string, change: CouncilChange) =>
    adminSend<AdminCouncil>('PATCH', `/pilots/${at(code)}`, change),
  waves: () => adminGet<AdminWave[]>('/waves'),
  addWave: (w: AdminWave) => adminSend<AdminWave>('POST', '/waves', w),
  changeWave: (id: string, change: WaveChange) => adminSend<AdminWave>('PATCH', `/waves/${at(id)}`, change),
  campaigns: (waveId: string) => adminGet<AdminCampaign[]>(`/waves/${at(waveId)}/campaigns`),
  addCampaign: (waveId: string, c: { pilotCode: string; headcount?: number; allowFreeText: boolean }) =>
    adminSend<AdminCampaign>('POST', `/waves/${at(waveId)}/campaigns`, c),
  changeCampaign: (code: string, change: CampaignChange) =>
    adminSend<AdminCampaign>('PATCH', `/campaigns/${at(code)}`, change),
  users: () => adminGet<AdminUser[]>('/users'),
  addUser: (u: { email: string; role: Role; pilots: string[] }) => adminSend<SavedUser>('POST', '/users', u),
  changeUser: (email: string, change: UserChange) => adminSend<SavedUser>('PATCH', `/users/${at(email)}`, change),
  deleteUser: (email: string) => adminSend<void>('DELETE', `/users/${at(email)}`),
};

export const armName = (arm: Arm) => (arm === 'pilot' ? 'Pilot' : 'Comparison');
export const roleName = (role: Role) =>
  ({ admin: 'Administrator', hr_lead: 'HR lead', researcher: 'Researcher' })[role];
export const surveyTitle = (s: Pick<AdminSurvey, 'id' | 'title'>) =>
  typeof s.title === 'string' ? s.title : (s.title.en ?? s.title.default ?? Object.values(s.title)[0] ?? s.id);

const dayFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
// Days are stored as YYYY-MM-DD; shown the way people in the UK write them.
export const day = (d: string | null) => (d ? dayFormat.format(new Date(`${d}T00:00:00Z`)) : '–');

export const byKey =
  <T>(key: (t: T) => string) =>
  (a: T, b: T) =>
    key(a).localeCompare(key(b));
