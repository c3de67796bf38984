import { conflict, notFound } from '../errors.js';
import { Pilot, type PilotDoc } from '../study/councils/model.js';
import { NewPilot, PilotChange } from './schemas.js';
import { patchUpdate } from './updates.js';

const view = (p: PilotDoc) => ({
  code: p._id, name: p.name, arm: p.arm, region: p.region ?? null, practiceModelStart: p.practiceModelStart ?? null,
});

export async function listPilots() {
  return (await Pilot.find().sort({ _id: 1 }).lean<PilotDoc[]>()).map(view);
}

export async function createPilot(input: unknown) {
  const { code, ...rest } = NewPilot.parse(input);
  try {
    const created = await Pilot.create({ _id: code, ...rest });
    return view(created.toObject() as PilotDoc);
  } catch (err) {
    if ((err as { code?: number }).code === 11000) throw conflict(`A council with code ${code} already exists.`);
    throw err;
  }
}

export async function updatePilot(code: string, input: unknown) {
  const change = PilotChange.parse(input);
  const updated = await Pilot.findOneAndUpdate({ _id: code }, patchUpdate(change), { returnDocument: 'after', runValidators: true }).lean<PilotDoc>();
  if (!updated) throw notFound(`No council with code ${code}.`);
  return view(updated);
}
