import type { Express } from 'express';
import type { IncomingMessage, ServerResponse } from 'node:http';

// Answers the requests it claims (returning true) on its own, before Express sees them; every
// other request goes on to Express as before.
export type FrontDoor = (req: IncomingMessage, res: ServerResponse) => boolean;

type Handles = { handle: (req: IncomingMessage, res: ServerResponse, next?: unknown) => void };

// For the busiest route alone (submissions, responses/front-door.ts). Express 5 gives each request
// its own prototypes for req and res and walks its middleware; with submissions answered here the
// server's CPU a submission fell from 358–447 µs to 170–235 µs at 64 clients (docs/PERFORMANCE.md).
// The app function Express makes calls `app.handle` for every request (as `listen` and supertest
// do), so the front door is in place wherever the app is served.
export function serveFirst(app: Express, frontDoor: FrontDoor): void {
  const handles = app as unknown as Handles;
  const handle = handles.handle.bind(app);
  handles.handle = (req, res, next) => {
    if (!frontDoor(req, res)) handle(req, res, next);
  };
}
