import { conflict, notFound } from '../errors.js';
import { addCouncil, changeCouncil, listCouncils, type CouncilDoc } from '../study/store.js';
import { NewCouncil, CouncilChange } from './schemas.js';
import { patchUpdate } from './updates.js';

const view = (p: CouncilDoc) => ({
  code: p._id,
  name: p.name,
  arm: p.arm,
  region: p.region ?? null,
  practiceModelStart: p.practiceModelStart ?? null,
});

export async function listAdminCouncils() {
  return (await listCouncils()).map(view);
}

export async function createAdminCouncil(input: unknown) {
  const { code, ...rest } = NewCouncil.parse(input);
  try {
    return view(await addCouncil({ _id: code, ...rest } as CouncilDoc));
  } catch (err) {
    if ((err as { code?: number }).code === 11000) throw conflict(`A council with code ${code} already exists.`);
    throw err;
  }
}

export async function updateAdminCouncil(code: string, input: unknown) {
  const change = CouncilChange.parse(input);
  const updated = await changeCouncil(code, patchUpdate(change));
  if (!updated) throw notFound(`No council with code ${code}.`);
  return view(updated);
}
