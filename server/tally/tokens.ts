import { createHmac } from 'node:crypto';

// A token of an id under a random key (a tally batch's id, a queue entry's id): an HMAC, so that
// once the key is deleted (with the batch or the entry), nothing can tell which tokens were made
// under the same key. 22 base64url characters: 132 bits.
export const tokenOf = (key: string, id: string) =>
  createHmac('sha256', key).update(id).digest('base64url').slice(0, 22);
