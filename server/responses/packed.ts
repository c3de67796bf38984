// The stored form of a response's answers: one JSON string (see model.ts for why). Databases
// from before hold them as a nested document until the start-up migration (pack-migration.ts)
// has packed them, so reading accepts both.
export type Answers = Record<string, unknown>;

export function packAnswers(answers: unknown): unknown {
  return answers !== null && typeof answers === 'object' ? JSON.stringify(answers) : answers;
}

export function unpackAnswers(stored: unknown): Answers {
  if (typeof stored === 'string') return JSON.parse(stored) as Answers;
  return (stored ?? {}) as Answers;
}

// A document just read (or any projection of one), its answers unpacked in place; left as it
// is when the projection leaves the answers out.
export function unpackResponse<T extends { answers?: unknown }>(doc: T): T {
  if (doc.answers !== undefined) doc.answers = unpackAnswers(doc.answers);
  return doc;
}
