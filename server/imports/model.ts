import mongoose from 'mongoose';

// An import under way into a campaign, one document per campaign: claimed by inserting it (a
// unique insert is atomic on MongoDB and FerretDB alike), so two imports into one campaign —
// a double-clicked upload, two CLI runs, a CLI and an HTTP import, two server processes — cannot
// both find the campaign empty and both store. `since` lets a claim left by a process that died
// be taken over after a while.
export const ImportClaim = mongoose.model(
  'ImportClaim',
  new mongoose.Schema(
    {
      _id: { type: String, required: true },
      holder: { type: String, required: true },
      since: { type: Date, required: true },
    },
    { versionKey: false },
  ),
  'importclaims',
);
