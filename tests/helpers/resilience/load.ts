import { randomUUID } from 'node:crypto';
import { syntheticAnswers } from '../../../server/demo/answers.js';
import { normal, seededRng, type Rng } from '../../../server/demo/random.js';
import { isReply, type HttpClient } from './http-client.js';

// Times are milliseconds since the load started.
export type Attempt = {
  id: string;
  startedAt: number;
  endedAt: number;
  status: number | 'timeout' | 'network';
  retry: boolean;
};
export type LoadResult = {
  attempts: Attempt[];
  acknowledged: string[]; // answered 201 or 200
  unanswered: string[]; // still failing when the retry budget ran out
  refused: { id: string; status: Attempt['status']; text: string }[]; // any other answer: never expected
};

export type LoadOptions = {
  client: HttpClient;
  path: string;
  clients: number;
  maxSubmissions: number;
  retryForMs?: number;
};

const retryable = (status: Attempt['status']) => status === 503 || status === 'timeout' || status === 'network';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// `clients` respondents each submitting valid responses back to back. Like the survey page,
// a respondent whose submission meets a 503 or a lost connection sends the same body (same
// submissionId) again, backing off up to a second, until it is acknowledged. stop() lets every
// respondent finish the submission in hand, retrying for at most `retryForMs` more.
export function startLoad({ client, path, clients, maxSubmissions, retryForMs = 30_000 }: LoadOptions) {
  const t0 = performance.now();
  const now = () => performance.now() - t0;
  const result: LoadResult = { attempts: [], acknowledged: [], unanswered: [], refused: [] };
  let started = 0;
  let stoppedAt = Infinity;

  async function submitOne(rng: Rng): Promise<void> {
    const id = randomUUID();
    const body = { submissionId: id, answers: syntheticAnswers(rng, normal(rng) * 0.3) };
    for (let attempt = 0; ; attempt++) {
      const startedAt = now();
      const reply = await client.postJson(path, body);
      result.attempts.push({ id, startedAt, endedAt: now(), status: reply.status, retry: attempt > 0 });
      if (reply.status === 201 || reply.status === 200) {
        result.acknowledged.push(id);
        return;
      }
      if (!retryable(reply.status)) {
        result.refused.push({
          id,
          status: reply.status,
          text: isReply(reply) ? reply.text.slice(0, 300) : reply.message,
        });
        return;
      }
      if (now() > stoppedAt + retryForMs) {
        result.unanswered.push(id);
        return;
      }
      await sleep(Math.min(1000, 100 * 2 ** attempt) * (0.5 + Math.random()));
    }
  }

  async function respondent(seed: number): Promise<void> {
    const rng = seededRng(seed);
    while (stoppedAt === Infinity && started < maxSubmissions) {
      started++;
      await submitOne(rng);
    }
  }

  const running = Promise.all(Array.from({ length: clients }, (_, i) => respondent(i + 1)));
  return {
    elapsed: now,
    stop: async (): Promise<LoadResult> => {
      stoppedAt = Math.min(stoppedAt, now());
      await running;
      return result;
    },
  };
}

export type Load = ReturnType<typeof startLoad>;
