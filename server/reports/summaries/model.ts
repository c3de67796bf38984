import mongoose from 'mongoose';

// A council × wave's counters as first published (every part: "main" and "bd:<question>"), kept
// so its published figures never change: later reads use this, never the live counters. No time,
// no response ids; read by _id ("<council>|<wave>").
const publicationSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    parts: { type: mongoose.Schema.Types.Mixed, required: true },
  },
  { versionKey: false, minimize: false },
);

export type PublicationDoc = { _id: string; parts: Record<string, Record<string, number>> };
export const Publication = mongoose.model('Publication', publicationSchema);
