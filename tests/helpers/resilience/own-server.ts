import { after, before } from 'node:test';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { createApp } from '../../../server/app.js';
import { connectDatabase, disconnectDatabase } from '../../../server/platform/db/connection.js';
import { answerClientErrors } from '../../../server/platform/http/client-errors.js';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../../server/platform/db/embedded.js';
import { createLogger } from '../../../server/log.js';
import { createTallier, type Tallier } from '../../../server/tally/runner.js';
import { testConfig, testSurveys } from '../app.js';
import { httpClient, type HttpClient } from './http-client.js';

// The per-campaign limit would turn a load test into a rate-limit test.
const unlimited = { RESPONSE_RATE_LIMIT_PER_MINUTE: '1000000' };

export type OwnServer = {
  baseUrl: string;
  client: HttpClient;
  tallier: Tallier;
  killDatabase: () => Promise<void>;
  restartDatabase: () => Promise<void>;
};

// A FerretDB of the suite's own (these scenarios kill it, so they never use the shared one),
// the real app listening on loopback as server/index.ts runs it, and a keep-alive client with
// `sockets` connections. `config` adds settings. Call inside a describe(): the hooks belong to that suite.
export function useOwnServer(name: string, sockets = 64, config: Record<string, string> = {}): () => OwnServer {
  let state: OwnServer | undefined;
  let server: Server | undefined;
  let db: EmbeddedDatabase | undefined;
  let dataDir = '';

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), `wellbeing-${name}-`));
    db = await startEmbeddedDatabase({ port: 0, dataDir, logLevel: 'error' });
    await connectDatabase(db.uri, name);
    await Promise.all(Object.values(mongoose.models).map((m) => m.createIndexes()));
    const logger = createLogger('silent');
    const tallier = createTallier(testSurveys(), logger);
    server = answerClientErrors(
      createApp({ config: testConfig({ ...unlimited, ...config }), logger, surveys: testSurveys(), tallier }).listen(
        0,
        '127.0.0.1',
      ),
    );
    await once(server, 'listening');
    tallier.start();
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    state = {
      baseUrl,
      tallier,
      client: httpClient(baseUrl, sockets),
      killDatabase: async () => {
        const exited = once(db!.child, 'exit');
        db!.child.kill('SIGKILL');
        await exited;
      },
      restartDatabase: async () => {
        db = await startEmbeddedDatabase({ port: db!.port, dataDir, logLevel: 'error' });
      },
    };
  });

  after(async () => {
    state?.client.close();
    await state?.tallier.stop();
    server?.closeAllConnections();
    if (server) await new Promise((r) => server!.close(r));
    await disconnectDatabase();
    await db?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  return () => {
    if (!state) throw new Error('useOwnServer: the before hook has not run');
    return state;
  };
}
