import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type supertest from 'supertest';

type Http = () => ReturnType<typeof supertest>;

// Posts each set of answers as a new submission, one after another, as respondents would.
export async function submitAll(http: Http, code: string, answers: Record<string, unknown>[]): Promise<string[]> {
  const ids: string[] = [];
  for (const a of answers) {
    const submissionId = randomUUID();
    const res = await http().post(`/api/v1/campaigns/${code}/responses`).send({ submissionId, answers: a });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    ids.push(submissionId);
  }
  return ids;
}

export const times = <T>(n: number, make: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => make(i));

// Every key anywhere in a JSON value, to prove a count is not published under any name.
export function keysIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysIn);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [k, ...keysIn(v)]);
  return [];
}
