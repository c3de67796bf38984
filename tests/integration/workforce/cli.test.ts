import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { databaseNameFor, testDatabaseUri, useTestApp } from '../../helpers/app.js';
import { WorkforceFigures, WorkforceNeighbours } from '../../../server/workforce/model.js';
import { indicatorsText, lineOf, withCell } from '../../helpers/workforce.js';

useTestApp(import.meta.url);

const root = resolve(import.meta.dirname, '../../..');
// shared/ beside the repo (CI, local), else the identical copies the repo carries for its demo
const dfeDir = existsSync(resolve(root, '../shared/data/dfe'))
  ? resolve(root, '../shared/data/dfe')
  : resolve(root, 'server/demo/data');

type Run = { code: number; stdout: string; stderr: string };

async function runScript(script: string, file: string): Promise<Run> {
  const env = {
    ...process.env,
    MONGODB_URI: testDatabaseUri(),
    DB_NAME: databaseNameFor(import.meta.url),
    LOG_LEVEL: 'silent',
  };
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', script, file], {
      cwd: root,
      env,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

function tempCopy(name: string, text: string): { path: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'workforce-cli-'));
  const path = join(dir, name);
  writeFileSync(path, text);
  return { path, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

describe('npm run import:workforce', () => {
  test('when given the real DfE file, then it imports every row, prints the summary and reports progress', async () => {
    const run = await runScript('scripts/import-workforce.ts', join(dfeDir, 'csww_indicators_2017_to_2025.csv'));
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /Imported csww_indicators_2017_to_2025\.csv \(indicators layout, 1463 rows\)/);
    assert.match(run.stdout, /added +1463/);
    assert.match(run.stdout, /unchanged +0/);
    // stderr is a pipe here, not a terminal: periodic progress lines rather than a redrawn bar
    assert.match(run.stderr, /^writing 1463\/1463 \(100%\)$/m);
    assert.equal(await WorkforceFigures.countDocuments(), 1463);
  });

  test('when the file is malformed, then it exits 1 naming the line and column and imports nothing', async () => {
    const copy = tempCopy('broken.csv', withCell(2022, '855', 'vacancy_rate_fte', 'n/a', indicatorsText()));
    try {
      const run = await runScript('scripts/import-workforce.ts', copy.path);
      assert.equal(run.code, 1);
      assert.match(run.stderr, new RegExp(`broken\\.csv, line ${lineOf(2022, '855')}, column vacancy_rate_fte: "n/a"`));
      assert.match(run.stderr, /Nothing was imported/);
      assert.equal(await WorkforceFigures.countDocuments(), 0);
    } finally {
      copy.cleanup();
    }
  });

  test('when the file does not exist, then it exits 1 and says so', async () => {
    const run = await runScript('scripts/import-workforce.ts', join(tmpdir(), 'no-such-workforce-file.csv'));
    assert.equal(run.code, 1);
    assert.match(run.stderr, /Cannot read .*no-such-workforce-file\.csv: ENOENT/);
  });
});

describe('npm run import:neighbours', () => {
  test('when given the real statistical-neighbour file, then every council gets its set', async () => {
    const run = await runScript('scripts/import-neighbours.ts', join(dfeDir, 'sn_model_2025_wide.csv'));
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /statistical neighbours for 153 councils/);
    assert.equal(await WorkforceNeighbours.countDocuments(), 153);
  });
});
