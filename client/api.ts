// Every request the browser makes goes through here.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown[],
  ) {
    super(message);
  }
}

// Staff pages send the session's CSRF token with every change (respondent pages have none).
let csrfToken: string | null = null;

// A body is sent as JSON, unless it is a CsvBody (the invitation list upload).
class CsvBody {
  constructor(readonly text: string) {}
}

async function request<T>(method: string, url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined)
    headers['Content-Type'] = body instanceof CsvBody ? 'text/csv; charset=utf-8' : 'application/json';
  if (csrfToken && method !== 'GET') headers['X-CSRF-Token'] = csrfToken;
  const sent = body === undefined ? undefined : body instanceof CsvBody ? body.text : JSON.stringify(body);
  const res = await fetch(url, { method, credentials: 'same-origin', headers, body: sent });
  if (res.status === 204) return undefined as T;
  const payload = await res.json().catch(() => null);
  if (!res.ok) {
    const error = payload?.error ?? {};
    throw new ApiError(
      res.status,
      error.code ?? 'http_error',
      error.message ?? `The server answered ${res.status}.`,
      error.details,
    );
  }
  return payload as T;
}

export type PublicCampaign = {
  campaign: {
    code: string;
    status: string;
    council: string | null;
    wave: string | Record<string, string>; // a wave named in Welsh too: { default, cy }
    closesOn: string;
    requireInvitation: boolean;
  };
  survey: {
    id: string;
    version: number;
    title: Record<string, string> | string;
    definition: object;
    locales: string[];
  };
  reporting: { minGroupSize: number };
};

export const getCampaign = (code: string) =>
  request<PublicCampaign>('GET', `/api/v1/campaigns/${encodeURIComponent(code)}`);

export const postResponse = (code: string, submissionId: string, answers: unknown, token?: string) =>
  request<{ id: string }>(
    'POST',
    `/api/v1/campaigns/${encodeURIComponent(code)}/responses`,
    token ? { submissionId, answers, token } : { submissionId, answers },
  );

// 200 unused; 409 invitation_used; 403 invitation_unknown
export const checkInvitation = (code: string, token: string) =>
  request<{ status: string }>('POST', `/api/v1/campaigns/${encodeURIComponent(code)}/invitation-check`, { token });

export const getOverview = <T>(code: string) =>
  request<T>('GET', `/api/v1/pilots/${encodeURIComponent(code)}/overview`);
export const getDrivers = <T>(code: string, wave: string) =>
  request<T>('GET', `/api/v1/pilots/${encodeURIComponent(code)}/drivers?wave=${encodeURIComponent(wave)}`);
export const getArmDrivers = <T>(wave: string) => request<T>('GET', `/api/v1/drivers?wave=${encodeURIComponent(wave)}`);
export const getSummary = <T>(code: string, wave: string) =>
  request<T>('GET', `/api/v1/pilots/${encodeURIComponent(code)}/summary?wave=${encodeURIComponent(wave)}`);
// survey: <id>@<version>[,<id>@<version>]
export const getCodebook = <T>(survey: string) =>
  request<T>('GET', `/api/v1/exports/codebook?format=json&survey=${encodeURIComponent(survey)}`);
export const getWorkforce = <T>(code: string) =>
  request<T>('GET', `/api/v1/pilots/${encodeURIComponent(code)}/workforce`);

export type StaffUser = { email: string; role: 'admin' | 'hr_lead' | 'researcher'; pilots: string[] };
export type Council = { code: string; name: string; arm: 'pilot' | 'comparison' };

export async function getSession(): Promise<StaffUser> {
  const s = await request<{ user: StaffUser; csrfToken: string }>('GET', '/api/v1/session');
  csrfToken = s.csrfToken;
  return s.user;
}

export async function signIn(email: string, password: string): Promise<StaffUser> {
  const s = await request<{ user: StaffUser; csrfToken: string }>('POST', '/api/v1/session', { email, password });
  csrfToken = s.csrfToken;
  return s.user;
}

// After signing out of a session that a provider started, the answer names the provider.
export const signOut = () =>
  request<{ provider?: { id: string; name: string } } | undefined>('DELETE', '/api/v1/session');
export type SignInOptions = { local: boolean; providers: { id: string; name: string; start: string }[] };
export const getSignInOptions = () => request<SignInOptions>('GET', '/api/v1/session/options');
export const getCouncils = () => request<Council[]>('GET', '/api/v1/councils');
export const getWaves = () => request<WaveSummary[]>('GET', '/api/v1/waves');
export type WaveSummary = {
  id: string;
  name: string;
  opensOn: string;
  closesOn: string;
  surveyId: string;
  surveyVersion: number;
  published?: boolean; // every campaign closed (by date or by hand) and its results published
};
export const getComparisons = <T>(wave: string, baseline?: string) =>
  request<T>(
    'GET',
    `/api/v1/comparisons?wave=${encodeURIComponent(wave)}${baseline ? `&baseline=${encodeURIComponent(baseline)}` : ''}`,
  );
export const adminGet = <T>(path: string) => request<T>('GET', `/api/v1/admin${path}`);
export const adminSend = <T>(method: 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown) =>
  request<T>(method, `/api/v1/admin${path}`, body);

// Email invitations for one campaign (an admin, or an HR lead of the campaign's council).
const invitationsUrl = (code: string) => `/api/v1/invitations/${encodeURIComponent(code)}`;
export const invitations = {
  status: <T>(code: string) => request<T>('GET', invitationsUrl(code)),
  upload: <T>(code: string, csv: string, lang: 'en' | 'cy' | 'both') =>
    request<T>('POST', `${invitationsUrl(code)}/list?lang=${lang}`, new CsvBody(csv)),
  setReminders: (code: string, dates: string[]) =>
    request<{ dates: string[] }>('PUT', `${invitationsUrl(code)}/reminders`, { dates }),
  deleteList: (code: string) => request<void>('DELETE', `${invitationsUrl(code)}/list`),
  resend: (code: string, id: string) =>
    request<{ id: string; queued: true }>('POST', `${invitationsUrl(code)}/problems/${encodeURIComponent(id)}/resend`),
};
