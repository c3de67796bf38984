import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { ExportAudit } from '../../../server/exports/model.js';
import { SurveyResponse } from '../../../server/responses/model.js';
import { unpackAnswers } from '../../../server/responses/store.js';
import { parseCsv } from '../../../server/workforce/csv.js';
import { databaseNameFor, testDatabaseUri } from '../../helpers/app.js';
import { answersV1 } from '../../helpers/export-fixtures.js';
import { buildExportCampaign, repeat, storeResponses, useExportApp } from '../../helpers/exports.js';

useExportApp(import.meta.url);

const root = resolve(import.meta.dirname, '../../..');
type Run = { code: number; stdout: string; stderr: string };

async function run(script: string, args: string[]): Promise<Run> {
  const env = {
    ...process.env,
    MONGODB_URI: testDatabaseUri(),
    DB_NAME: databaseNameFor(import.meta.url),
    LOG_LEVEL: 'silent',
    MIN_GROUP_SIZE: '5',
  };
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', script, ...args], {
      cwd: root,
      env,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), 'export-cli-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

describe('npm run export', () => {
  test('when asked for a CSV of a wave, then it writes the file, shows progress on stderr and records the export', async () => {
    await storeResponses(
      await buildExportCampaign(),
      repeat(6, () => answersV1({ demo_role: 'social_worker' })),
    );
    const { dir, cleanup } = tempDir();
    try {
      const out = join(dir, 'w1.csv');
      const result = await run('scripts/export.ts', [
        '--format',
        'csv',
        '--wave',
        'w1',
        '--out',
        out,
        '--user',
        'analyst',
      ]);
      assert.equal(result.code, 0, result.stderr);
      assert.equal(parseCsv(readFileSync(out, 'utf8')).length, 7);
      assert.match(result.stderr, /^exporting 6\/6 \(100%\)$/m);
      assert.match(
        result.stdout,
        /Exported 6 responses to .*w1\.csv \(csv; recorded in the export audit log as analyst\)/,
      );
      const [entry] = await ExportAudit.find().lean();
      assert.deepEqual([entry!.user, entry!.rows, entry!.status], ['analyst', 6, 'completed']);
    } finally {
      cleanup();
    }
  });

  test('when a council × wave is below the minimum, then its rows are left out and the closing message counts it without naming it', async () => {
    await storeResponses(
      await buildExportCampaign({ pilot: '855' }),
      repeat(6, () => answersV1()),
    );
    await storeResponses(
      await buildExportCampaign({ pilot: '856' }),
      repeat(4, () => answersV1()),
    );
    const { dir, cleanup } = tempDir();
    try {
      const out = join(dir, 'w1.csv');
      const result = await run('scripts/export.ts', ['--format', 'csv', '--wave', 'w1', '--out', out]);
      assert.equal(result.code, 0, result.stderr);
      const [header, ...rows] = parseCsv(readFileSync(out, 'utf8')).map((r) => r.fields);
      assert.deepEqual(
        rows.map((r) => r[header!.indexOf('council')]),
        Array(6).fill('855'),
      );
      assert.match(result.stderr, /^exporting 6\/6 \(100%\)$/m);
      assert.match(result.stdout, /Exported 6 responses to /);
      assert.match(
        result.stdout,
        /^1 council × wave group\(s\) with fewer than 5 responses were left out: small groups are never exported\.$/m,
      );
      assert.doesNotMatch(result.stdout + result.stderr, /856/);
      const [entry] = await ExportAudit.find().lean();
      assert.deepEqual([entry!.rows, entry!.status], [6, 'completed']);
    } finally {
      cleanup();
    }
  });

  test('when a filter is bad, then it exits 1 naming the option and writes no file', async () => {
    await buildExportCampaign();
    const { dir, cleanup } = tempDir();
    try {
      const out = join(dir, 'x.csv');
      const result = await run('scripts/export.ts', ['--format', 'csv', '--pilot', '85', '--out', out]);
      assert.equal(result.code, 1);
      assert.match(result.stderr, /--pilot(\.0)?: council codes are three digits/);
      assert.equal(existsSync(out) || existsSync(`${out}.partial`), false);
    } finally {
      cleanup();
    }
  });
});

describe('npm run import:responses', () => {
  test('when an exported wave is imported into a new campaign, then the answers round-trip', async () => {
    const source = await buildExportCampaign({ wave: 'w1' });
    await storeResponses(
      source,
      repeat(6, (i) => answersV1({ js_overall: 1 + (i % 5), demo_role: 'social_worker' })),
    );
    const target = await buildExportCampaign({ wave: 'w2' });
    const { dir, cleanup } = tempDir();
    try {
      const file = join(dir, 'w1.csv');
      assert.equal((await run('scripts/export.ts', ['--format', 'csv', '--wave', 'w1', '--out', file])).code, 0);
      const result = await run('scripts/import-responses.ts', [file, '--campaign', target.code]);
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, /Imported 6 responses from w1\.csv into campaign/);
      const overall = async (campaign: string) =>
        (await SurveyResponse.find({ campaign }).lean())
          .map((r) => unpackAnswers(r.answers).js_overall as number)
          .sort();
      assert.deepEqual(await overall(target.code), await overall(source.code));
    } finally {
      cleanup();
    }
  });

  test('when the file has a bad row, then it exits 1 with the line number and imports nothing', async () => {
    const target = await buildExportCampaign();
    const { dir, cleanup } = tempDir();
    try {
      const file = join(dir, 'bad.csv');
      writeFileSync(file, 'council,js_overall\r\n855,4\r\n855,x\r\n');
      const result = await run('scripts/import-responses.ts', [file, '--campaign', target.code]);
      assert.equal(result.code, 1);
      assert.match(result.stderr, /line 3: js_overall: "x" is not a code/);
      assert.match(result.stderr, /nothing was imported/);
      assert.equal(await SurveyResponse.countDocuments(), 0);
    } finally {
      cleanup();
    }
  });
});
