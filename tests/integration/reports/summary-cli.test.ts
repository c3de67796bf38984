import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { SurveyResponse } from '../../../server/responses/model.js';
import { Migration, Summary, TallyBatch, TallyMark } from '../../../server/tally/model.js';
import { databaseNameFor, testDatabaseUri, useTestApp } from '../../helpers/app.js';
import { buildAnswers, buildCampaign, closeWaves } from '../../helpers/factories.js';
import { submitAll, times } from '../../helpers/submit.js';

const { http, staff, tallier } = useTestApp(import.meta.url);
const root = resolve(import.meta.dirname, '../../..');

type Run = { code: number; stdout: string; stderr: string };

// The scripts as `npm run` starts them, on this file's database and nothing else from our environment.
async function runScript(script: string, args: string[] = []): Promise<Run> {
  const env = {
    MONGODB_URI: testDatabaseUri(),
    DB_NAME: databaseNameFor(import.meta.url),
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
  };
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', script, ...args], {
      cwd: root,
      env,
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

async function councilWithResponses() {
  const { code, pilotCode, waveId } = await buildCampaign({ pilot: '855', wave: 'w-cli', headcount: 40 });
  await submitAll(
    http,
    code,
    times(14, (i) => buildAnswers({ js_overall: 1 + (i % 5), recommend_employer: i % 11 })),
  );
  // counted here first: clearing the database between tests deletes the lease slots this file's
  // tallier remembers holding, so a script could otherwise hold the same slot and count beside it
  await tallier.flush();
  return { pilotCode, waveId };
}

describe('npm run summary', () => {
  test('when asked for JSON, then it prints exactly what the HTTP summary returns', async () => {
    const { pilotCode, waveId } = await councilWithResponses();
    await closeWaves();
    const viaHttp = (
      await (await staff()).get(`/api/v1/pilots/${pilotCode}/summary`).query({ wave: waveId }).expect(200)
    ).body;
    const run = await runScript('scripts/summary.ts', ['--pilot', pilotCode, '--wave', waveId, '--json']);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), viaHttp);
    assert.equal(viaHttp.responses.n, 14);
  });

  test('when asked for text, then it prints the council, the responses and each scale', async () => {
    const { pilotCode, waveId } = await councilWithResponses();
    await closeWaves();
    const run = await runScript('scripts/summary.ts', ['--pilot', pilotCode, '--wave', waveId]);
    assert.equal(run.code, 0, run.stderr);
    // 14 of a headcount of 40 = 35%; js_overall 1..5, 1..5, 1..4: 40 / 14 = 2.857
    assert.match(run.stdout, /Council 855 \(855, pilot arm\) — Wave w-cli/);
    assert.match(run.stdout, /Responses: 14 \(35% of 40\)/);
    assert.match(run.stdout, /Overall job satisfaction: mean 2\.86 .*, n 14/);
  });

  test('when the council or wave is unknown or an option is missing, then it exits 1 with the reason and usage', async () => {
    await councilWithResponses();
    const unknown = await runScript('scripts/summary.ts', ['--pilot', '999', '--wave', 'w-cli']);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /No council with code 999/);
    const missing = await runScript('scripts/summary.ts', ['--pilot', '855']);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /--pilot and --wave are required[\s\S]*Usage: npm run summary/);
  });
});

describe('npm run summaries:verify', () => {
  test('when every response is counted, then it prints "No differences" and exits 0', async () => {
    await councilWithResponses();
    await tallier.flush();
    const run = await runScript('scripts/summaries-verify.ts');
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /Checked 1 council × wave groups/);
    assert.match(run.stdout, /No differences/);
  });

  test('when a stored counter is wrong, then it names the key, exits 2, and --rebuild repairs it', async () => {
    const { pilotCode, waveId } = await councilWithResponses();
    await tallier.flush();
    await Summary.updateOne({ _id: `${pilotCode}|${waveId}|main` }, { $inc: { 'c.n': 1 } });
    const broken = await runScript('scripts/summaries-verify.ts');
    assert.equal(broken.code, 2);
    assert.match(broken.stdout, /855 w-cli n: stored 15, recomputed 14/);
    const rebuilt = await runScript('scripts/summaries-verify.ts', ['--rebuild']);
    assert.equal(rebuilt.code, 0, rebuilt.stderr);
    assert.match(rebuilt.stdout, /No differences/);
  });

  test('when differences show while a batch is still being counted, then it reports a backlog and exits 3', async () => {
    const { pilotCode, waveId } = await councilWithResponses();
    await tallier.flush();
    await Summary.updateOne({ _id: `${pilotCode}|${waveId}|main` }, { $inc: { 'c.n': 1 } });
    await TallyBatch.create({ _id: 'in-flight', ids: [] }); // as a counting server leaves it mid-batch
    const run = await runScript('scripts/summaries-verify.ts', ['--wait', '0']);
    assert.equal(run.code, 3, run.stderr);
    assert.match(run.stdout, /still being counted .* a backlog, not errors/);
    await TallyBatch.deleteMany({});
  });

  test('when a database from before tally marks is marked with --mark, then its counted responses are marked once', async () => {
    await councilWithResponses();
    await tallier.flush();
    // what an earlier version left: the same responses counted, without queue tokens, and no marks
    await SurveyResponse.updateMany({}, { $unset: { queuedBy: '' } });
    await TallyMark.deleteMany({});
    await Migration.deleteMany({});
    const marked = await runScript('scripts/summaries-verify.ts', ['--mark']);
    assert.equal(marked.code, 0, marked.stderr);
    assert.match(marked.stdout, /Marked the responses counted before tally marks existed[\s\S]*No differences/);
    assert.equal(await TallyMark.countDocuments(), 14);
    const again = await runScript('scripts/summaries-verify.ts', ['--mark']);
    assert.match(again.stdout, /Every stored response was marked or queued already/);
  });
});
