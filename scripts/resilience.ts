// npm run test:resilience: every scenario in tests/resilience at full size: load with a database
// outage (64 clients for 60 s, 10 s outage), hostile input (over 10,000 hostile requests to each
// of the submission, sign-in, import, export and codebook endpoints), memory under a flood (DoS:
// 50,000 hostile requests, RESILIENCE_FLOOD_REQUESTS to change), supervision of the embedded
// database, and two server instances with the tally holder frozen. Each suite starts its own
// embedded FerretDB, so no shared database is needed. `-- --short` runs the shorter sizes; file
// arguments run just those files.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const short = args.includes('--short');
const named = args.filter((a) => !a.startsWith('--'));
const dir = 'tests/resilience';
const files = named.length
  ? named
  : readdirSync(dir)
      .filter((f) => f.endsWith('.test.ts'))
      .sort()
      .map((f) => join(dir, f));

console.log(`▶ resilience (${short ? 'short' : 'long'}): ${files.join(' ')}`);
// one file at a time: the load figures mean little with another suite competing for the CPU
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', ...files], {
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'test', RESILIENCE_LONG: short ? '0' : '1' },
});
process.exit(result.status ?? 1);
