import { parseNeighbours, type NeighbourSet } from './neighbours.js';
import type { NeighbourSetDoc } from './model.js';
import * as store from './store.js';

export interface NeighbourImportSummary {
  file: string;
  councils: number;
  added: number;
  updated: number;
  unchanged: number;
}

const sameSet = (set: NeighbourSet, stored: NeighbourSetDoc): boolean =>
  set.name === stored.name &&
  set.neighbours.length === stored.neighbours.length &&
  set.neighbours.every((n, i) => {
    const old = stored.neighbours[i];
    return old !== undefined && n.rank === old.rank && n.laCode === old.laCode && n.closeness === old.closeness;
  });

// Parsed whole before writing; each council in the file gets its set replaced, others are kept.
export async function importNeighbours(text: string, options: { file: string; importedAt?: Date }) {
  const sets = parseNeighbours(text);
  const stored = new Map((await store.findNeighbourSets(sets.map((s) => s.laCode))).map((doc) => [doc._id, doc]));
  const changed = sets.filter((set) => {
    const old = stored.get(set.laCode);
    return !old || !sameSet(set, old);
  });
  await store.replaceNeighbourSets(changed, options.file, options.importedAt ?? new Date());
  const added = changed.filter((set) => !stored.has(set.laCode)).length;
  const summary: NeighbourImportSummary = {
    file: options.file,
    councils: sets.length,
    added,
    updated: changed.length - added,
    unchanged: sets.length - changed.length,
  };
  return summary;
}
