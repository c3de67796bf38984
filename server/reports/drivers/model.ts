import mongoose from 'mongoose';

// A driver analysis as first published for a council × wave ("council|<code>|<wave>") or an arm
// in a wave ("arm|<arm>|<wave>"), kept so it never changes, like the summaries' publications. It
// holds figures about the whole group only: no response id, no per-person value, no time.
const driverResultSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    result: { type: mongoose.Schema.Types.Mixed, required: true },
  },
  { versionKey: false, minimize: false },
);

export const DriverResult = mongoose.model('DriverResult', driverResultSchema);
