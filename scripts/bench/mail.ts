// Mail throughput: invitations composed (fresh tokens), claimed from the outbox and sent over
// SMTP to a loopback server, on the embedded FerretDB.
// Usage: npm run bench:mail [-- <addresses> <rate per second>]   (defaults: 1000, unthrottled)
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { SMTPServer } from 'smtp-server';
import { createCampaign } from '../../server/study/campaigns/service.js';
import { connectDatabase, disconnectDatabase } from '../../server/platform/db/connection.js';
import { startEmbeddedDatabase } from '../../server/platform/db/embedded.js';
import { uploadList } from '../../server/invitations/service.js';
import { createLogger } from '../../server/log.js';
import { createMailService } from '../../server/mail-jobs.js';
import { Council } from '../../server/study/councils/model.js';
import { createSurveyRegistry } from '../../server/surveys/registry.js';
import { createWave } from '../../server/study/waves/service.js';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

export async function benchMail(addresses: number, ratePerSecond: number, concurrency = 4) {
  let received = 0;
  const stamps: number[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    closeTimeout: 50,
    onData(stream, _s, cb) {
      stream.resume();
      stream.on('end', () => {
        received++;
        stamps.push(performance.now());
        cb();
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', () => r()));
  const dir = mkdtempSync(join(tmpdir(), 'bench-mail-'));
  const db = await startEmbeddedDatabase({ port: 0, dataDir: dir });
  try {
    await connectDatabase(db.uri, 'bench');
    await Promise.all(Object.values(mongoose.models).map((m) => m.createIndexes()));
    await Council.create({ _id: '855', name: 'Bench Council', arm: 'pilot' });
    await createWave(
      { id: 'w1', name: 'Wave 1', opensOn: day(-1), closesOn: day(14), surveyId: 'staff-wellbeing', surveyVersion: 1 },
      createSurveyRegistry(),
    );
    const code = await createCampaign({ pilotCode: '855', waveId: 'w1' });
    const list = Array.from({ length: addresses }, (_, i) => `person${i}@council.example`).join('\n');
    const uploadStart = performance.now();
    await uploadList(code, list, 'both', new Date());
    const uploadMs = performance.now() - uploadStart;
    const worker = createMailService({
      settings: {
        NODE_ENV: 'test',
        MAIL_TRANSPORT: 'smtp',
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: (smtp.server.address() as AddressInfo).port,
        SMTP_TLS: 'none',
        MAIL_FROM: 'Bench <bench@council.example>',
        MAIL_DIR: dir,
        MAIL_RATE_PER_SECOND: ratePerSecond,
        MAIL_MAX_ATTEMPTS: 3,
        MAIL_RETRY_BASE_SECONDS: 30,
        INVITATION_RETENTION_DAYS: 30,
      },
      logger: createLogger('silent'),
      baseUrl: 'https://survey.example.org',
      minGroupSize: 10,
      concurrency,
    })!;
    const start = performance.now();
    while (received < addresses) {
      if ((await worker.drain()) === 0) await new Promise((r) => setTimeout(r, 50));
    }
    const seconds = (performance.now() - start) / 1000;
    await worker.stop();
    const gaps = stamps
      .slice(1)
      .map((t, i) => t - stamps[i]!)
      .sort((a, b) => a - b);
    return {
      addresses,
      ratePerSecond,
      concurrency,
      uploadSeconds: uploadMs / 1000,
      sendSeconds: seconds,
      perSecond: addresses / seconds,
      received,
      // first to last delivery, leaving out the start (lease, housekeeping, first top-up)
      steadyPerSecond: (stamps.length - 1) / ((stamps.at(-1)! - stamps[0]!) / 1000),
      worstGapMs: gaps.at(-1) ?? 0,
    };
  } finally {
    await disconnectDatabase();
    await db.stop();
    await new Promise<void>((r) => smtp.close(() => r()));
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('mail.ts')) {
  const [n, rate] = process.argv.slice(2).map(Number);
  const r = await benchMail(n && n > 0 ? n : 1000, rate && rate > 0 ? rate : 10_000);
  console.log('\nInvitations sent through the outbox to a loopback SMTP server (embedded FerretDB)');
  console.log(
    '| addresses | rate limit (/s) | loops | upload (s) | sending (s) | messages/s | first→last (/s) | longest gap (ms) |',
  );
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|');
  console.log(
    `| ${r.addresses} | ${r.ratePerSecond} | ${r.concurrency} | ${r.uploadSeconds.toFixed(2)} | ${r.sendSeconds.toFixed(1)} | ${r.perSecond.toFixed(1)} | ${r.steadyPerSecond.toFixed(1)} | ${r.worstGapMs.toFixed(0)} |`,
  );
}
