import type { Lang } from '../survey-text.js';

// The answers a person has given so far, kept on this device only (never sent before Complete),
// so a reload, a lost signal or a closed tab costs nothing. Removed on Complete (the answers
// then wait in pending.ts until the server has them) and by "Clear my answers from this device".
export type Progress = { answers: Record<string, unknown>; page: number; lang: Lang; token?: string };
const keyFor = (code: string) => `wellbeing-progress:${code}`;

export function loadProgress(code: string): Progress | null {
  try {
    const raw = localStorage.getItem(keyFor(code));
    const parsed = raw ? (JSON.parse(raw) as Progress) : null;
    return parsed && typeof parsed.answers === 'object' && parsed.answers !== null ? parsed : null;
  } catch {
    return null;
  }
}

export function saveProgress(code: string, progress: Progress): void {
  try {
    localStorage.setItem(keyFor(code), JSON.stringify(progress));
  } catch {
    /* storage full or blocked: the answers stay in the open page only */
  }
}

export function clearProgress(code: string): void {
  try {
    localStorage.removeItem(keyFor(code));
  } catch {
    /* storage blocked: nothing was kept */
  }
}
