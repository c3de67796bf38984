import { randomUUID } from 'node:crypto';

// Fields of the stored shape, cheap enough to make in a timed loop: an _id as long as the app's
// (SHA-256 in hex, server/responses/ids.ts) and a queue token as long as the app's
// (server/tally/queue.ts), so that the yardsticks write documents of the same size as the app.
export const storedId = () => (randomUUID() + randomUUID()).replace(/-/g, '');
export const queueToken = () => randomUUID().replace(/-/g, '').slice(0, 22);
