import mongoose, { type InferSchemaType } from 'mongoose';

// A council taking part in the study, keyed by its DfE old_la_code (e.g. "855").
const councilSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true, match: /^\d{3}$/ },
    name: { type: String, required: true, maxlength: 200 },
    arm: { type: String, required: true, enum: ['pilot', 'comparison'] },
    practiceModelStart: { type: String, match: /^\d{4}-\d{2}-\d{2}$/ },
    region: { type: String, maxlength: 100 },
  },
  { versionKey: false },
);

export type CouncilDoc = InferSchemaType<typeof councilSchema> & { _id: string };
// Stored as "pilots" (the collection's name before councils and arms were told apart in code).
export const Council = mongoose.model('Council', councilSchema, 'pilots');
