import mongoose, { type InferSchemaType } from 'mongoose';

// Who exported what, when, with which filters, and how many rows left. Written before the first
// row is read, so an export that fails or is abandoned half-way is on record too.
const exportAuditSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    user: { type: String, required: true, maxlength: 200 },
    at: { type: Date, required: true },
    kind: { type: String, required: true, enum: ['responses', 'codebook'] },
    format: { type: String, required: true },
    filters: { type: mongoose.Schema.Types.Mixed, default: {} },
    status: { type: String, required: true, enum: ['started', 'completed', 'failed', 'aborted'] },
    rows: { type: Number, default: 0 },
    finishedAt: { type: Date },
  },
  { versionKey: false, minimize: false },
);
exportAuditSchema.index({ at: -1 });

export type ExportAuditDoc = InferSchemaType<typeof exportAuditSchema> & { _id: string };
export const ExportAudit = mongoose.model('ExportAudit', exportAuditSchema);
