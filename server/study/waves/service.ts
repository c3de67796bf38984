import { badRequest, conflict } from '../../errors.js';
import type { SurveyRegistry } from '../../surveys/registry.js';
import { Wave, type WaveDoc } from './model.js';

export type WaveInput = {
  id: string;
  name: string;
  opensOn: string;
  closesOn: string;
  surveyId: string;
  surveyVersion: number;
};

export async function createWave(input: WaveInput, surveys: SurveyRegistry): Promise<WaveDoc> {
  if (input.closesOn < input.opensOn) throw badRequest('closesOn must be on or after opensOn.');
  const def = surveys.get(input.surveyId, input.surveyVersion);
  const { id, ...rest } = input;
  try {
    const created = await Wave.create({ _id: id, ...rest, surveyHash: def.hash });
    return created.toObject() as WaveDoc;
  } catch (err) {
    if ((err as { code?: number }).code === 11000) throw conflict(`A wave with id ${id} already exists.`);
    throw err;
  }
}

// A survey version used by a wave must never change under it: answers already collected
// would no longer match their questions. An edit needs a new version file.
export async function checkWaveSurveysUnchanged(surveys: SurveyRegistry): Promise<void> {
  const waves = await Wave.find({}, { surveyId: 1, surveyVersion: 1, surveyHash: 1 }).lean<WaveDoc[]>();
  for (const wave of waves) {
    let def;
    try {
      def = surveys.get(wave.surveyId, wave.surveyVersion);
    } catch {
      throw new Error(
        `Wave ${wave._id} uses survey ${wave.surveyId} version ${wave.surveyVersion}, which is neither in surveys/ nor stored in the database. Restore it.`,
      );
    }
    if (def.hash !== wave.surveyHash) {
      throw new Error(
        `Survey ${def.file} has changed since wave ${wave._id} started using it. ` +
          `A version in use is immutable: restore the file and put your changes in a new version (e.g. ${def.id}.v${def.version + 1}.json).`,
      );
    }
  }
}
