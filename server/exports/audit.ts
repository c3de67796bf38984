import { randomUUID } from 'node:crypto';
import { toApi } from '../platform/db/to-json.js';
import { ExportAudit, type ExportAuditDoc } from './model.js';

export type AuditStart = {
  user: string;
  kind: 'responses' | 'codebook';
  format: string;
  filters: Record<string, unknown>;
};
export type AuditStatus = 'completed' | 'failed' | 'aborted';

export async function startAudit(entry: AuditStart): Promise<string> {
  const _id = randomUUID();
  await ExportAudit.create({
    _id,
    ...entry,
    filters: withoutUndefined(entry.filters),
    at: new Date(),
    status: 'started',
    rows: 0,
  });
  return _id;
}

// A download that is complete the moment it is sent (a codebook).
export async function recordAudit(entry: AuditStart): Promise<void> {
  await ExportAudit.create({
    _id: randomUUID(),
    ...entry,
    filters: withoutUndefined(entry.filters),
    at: new Date(),
    status: 'completed',
    rows: 0,
    finishedAt: new Date(),
  });
}

export async function finishAudit(id: string, status: AuditStatus, rows: number): Promise<void> {
  await ExportAudit.updateOne({ _id: id }, { $set: { status, rows, finishedAt: new Date() } });
}

export async function listAudit(limit: number) {
  const docs = await ExportAudit.find().sort({ at: -1 }).limit(limit).lean<ExportAuditDoc[]>();
  return docs.map(toApi);
}

function withoutUndefined(filters: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined));
}
