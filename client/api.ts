// Every request the browser makes goes through here.

export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly details?: unknown[]) {
    super(message);
  }
}

async function request<T>(method: string, url: string, body?: unknown): Promise<T> {
  const res = await fetch(url, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const payload = await res.json().catch(() => null);
  if (!res.ok) {
    const error = payload?.error ?? {};
    throw new ApiError(res.status, error.code ?? 'http_error', error.message ?? `The server answered ${res.status}.`, error.details);
  }
  return payload as T;
}

export type PublicCampaign = {
  campaign: { code: string; status: string; council: string | null; wave: string; closesOn: string };
  survey: { id: string; version: number; title: Record<string, string> | string; definition: object; locales: string[] };
  reporting: { minGroupSize: number };
};

export const getCampaign = (code: string) => request<PublicCampaign>('GET', `/api/v1/campaigns/${encodeURIComponent(code)}`);

export const postResponse = (code: string, submissionId: string, answers: unknown) =>
  request<{ id: string }>('POST', `/api/v1/campaigns/${encodeURIComponent(code)}/responses`, { submissionId, answers });
