// The one transform from a stored document to an API object: `_id` becomes `id`, `__v` goes.
export function toApi<T extends { _id: unknown }>(doc: T): Omit<T, '_id' | '__v'> & { id: T['_id'] } {
  const { _id, __v: _v, ...rest } = doc as T & { __v?: unknown };
  return { id: _id, ...rest } as Omit<T, '_id' | '__v'> & { id: T['_id'] };
}
