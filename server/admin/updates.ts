// A PATCH body as a MongoDB update: values are set, nulls are unset, absent keys are left alone.
// Empty operators are left out (FerretDB, like MongoDB, refuses an empty $unset).
export function patchUpdate(change: Record<string, unknown>) {
  const entries = Object.entries(change).filter(([, v]) => v !== undefined);
  const $set = Object.fromEntries(entries.filter(([, v]) => v !== null));
  const $unset = Object.fromEntries(entries.filter(([, v]) => v === null).map(([k]) => [k, 1]));
  return { ...(Object.keys($set).length ? { $set } : {}), ...(Object.keys($unset).length ? { $unset } : {}) };
}
