import mongoose, { type InferSchemaType } from 'mongoose';

// A survey version added through the admin API or `npm run survey:add`. Written once, never
// updated: `_id` is "<id>@<version>", so two people adding the same version race on a unique
// insert and one of them moves on to the next version.
const surveyVersionSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    surveyId: { type: String, required: true },
    version: { type: Number, required: true },
    // sha256 of the definition, as the loader computes it for the files in surveys/
    hash: { type: String, required: true },
    // the definition in our format as canonical JSON text: stored whole, so no key of the
    // survey's JSON has to be a valid document field name
    json: { type: String, required: true },
    derived: { type: Boolean, required: true },
    addedBy: { type: String, required: true },
    addedAt: { type: Date, required: true },
  },
  { versionKey: false },
);

export type SurveyVersionDoc = InferSchemaType<typeof surveyVersionSchema> & { _id: string };
export const SurveyVersion = mongoose.model('SurveyVersion', surveyVersionSchema, 'survey_versions');
