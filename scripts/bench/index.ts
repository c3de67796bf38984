// npm run bench: every benchmark on fresh embedded databases, printed as one markdown table
// with the machine it ran on. Options:
//   --full           summary reads at 1k, 100k and 1M responses, 15 s per submission run
//   --sizes=a,b      summary read sizes (default 1000,10000)
//   --export-sizes=a,b  export sizes (default 10000; 100000,1000000 with --full)
//   --seconds=n      length of each submission run (default 5)
//   --only=a,b       only these sections: submissions, summary, startup, export
//   --keep=<dir>     keep the filled databases for summary reads and exports there, and reuse them
//   --write          also replace the results block in docs/PERFORMANCE.md (refused with --only)
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { benchExport } from './export.js';
import { benchStartup, type StartSample } from './startup.js';
import { benchSubmissions, type Cpu, type Rate, type SubmissionRow } from './submissions.js';
import { benchSummaryRead } from './summary-read.js';
import { percentile } from './stats.js';

type BenchRow = { measurement: string; case: string; result: string; target?: string; met?: boolean };

const args = process.argv.slice(2);
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const full = args.includes('--full');
const sizes = full ? [1000, 100_000, 1_000_000] : (option('sizes') ?? '1000,10000').split(',').map(Number);
const seconds = Number(option('seconds') ?? (full ? 15 : 5));
const only = option('only')?.split(',');
const keepDir = option('keep');
const docPath = join(import.meta.dirname, '../../docs/PERFORMANCE.md');

const n = (x: number, digits = 0) =>
  x.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const ms = (x: number) => `${n(x, x < 10 ? 1 : 0)} ms`;
const rate = (r: Rate, unit: string) =>
  `${n(r.perSecond)} ${unit}/s · p50 ${ms(r.p50)} · p99 ${ms(r.p99)} (${n(r.count)} done)`;
const cpu = (c: Cpu) => `CPU a request: server ${n(c.server)} µs, FerretDB ${n(c.db)} µs`;
const clientsLabel = (c: number) => `${c} client${c === 1 ? '' : 's'}`;
const log = (msg: string) => process.stderr.write(`${msg}\n`);

// The targets are judged at 64 clients over three pairs of runs (app and yardsticks, alternating
// which goes first): the median ratio, and the widest p99 ÷ p50.
const TOP = 64;
const PAIRS = 3;

async function submissionRows(): Promise<BenchRow[]> {
  log(`submissions: ${seconds} s per run…`);
  const concurrency = [1, 16, ...Array<number>(PAIRS).fill(TOP)];
  const rows = await benchSubmissions({ concurrency, seconds, maxPerRun: 50_000, prefill: full ? 100_000 : 10_000 });
  const paired = rows.filter((r) => r.clients === TOP && r.insertMany);
  const ratios = paired.map((r) => r.http.perSecond / r.insertMany!.perSecond);
  const spreads = paired.map((r) => r.http.p99 / r.http.p50);
  const median = percentile(ratios, 50);
  const widest = Math.max(...spreads);
  const pct = (x: number) => `${n(x * 100)}%`;
  const targetRows: BenchRow[] = [
    {
      measurement: 'Submit ÷ batched insertMany rate, median of the pairs',
      case: `${clientsLabel(TOP)}, ${paired.length} pairs`,
      result: `${pct(median)} (the pairs: ${ratios.map(pct).join(', ')})`,
      target: '≥ 50%',
      met: median >= 0.5,
    },
    {
      measurement: 'Submit, HTTP p99 ÷ p50, the widest of the pairs',
      case: `${clientsLabel(TOP)}, ${paired.length} pairs`,
      result: `${n(widest, 1)}× (the pairs: ${spreads.map((x) => `${n(x, 1)}×`).join(', ')})`,
      target: '≤ 10×',
      met: widest <= 10,
    },
  ];
  return [...rows.flatMap(submissionRow), ...targetRows];
}

function submissionRow(r: SubmissionRow): BenchRow[] {
  const when = `${clientsLabel(r.clients)}, ${n(r.stored)} stored before, load ${n(r.load, 2)}`;
  const httpRow: BenchRow = {
    measurement: 'Submit, HTTP (real server process)',
    case: when,
    result: `${rate(r.http, 'req')} · ${cpu(r.cpu)}; tally caught up ${n(r.tallySeconds, 1)} s later`,
  };
  if (!r.insertOne || !r.insertMany) return [httpRow];
  const ratio = r.http.perSecond / r.insertMany.perSecond;
  const spread = r.http.p99 / r.http.p50;
  const floorRows: BenchRow[] = r.floor
    ? [
        {
          measurement: 'Submit, bare floor server (node:http + group commit, no checks, no tally)',
          case: `${clientsLabel(r.clients)}, after the rows above`,
          result: `${rate(r.floor, 'req')} · ${cpu(r.floor.cpu)}`,
        },
        {
          measurement: 'Bare floor ÷ batched insertMany rate',
          case: clientsLabel(r.clients),
          result: `${n((r.floor.perSecond / r.insertMany.perSecond) * 100)}% (the app: ${n(ratio * 100)}%)`,
        },
      ]
    : [];
  return [
    httpRow,
    {
      measurement: 'Insert, raw insertMany ×100, one writer',
      case: `after the ${clientsLabel(r.clients)} run`,
      result: rate(r.insertMany, 'docs'),
    },
    { measurement: 'Insert, raw insertOne', case: when, result: rate(r.insertOne, 'ins') },
    {
      measurement: 'Submit ÷ batched insertMany rate',
      case: clientsLabel(r.clients),
      result: `${n(ratio * 100)}% (÷ insertOne at the same concurrency: ${n((r.http.perSecond / r.insertOne.perSecond) * 100)}%)`,
    },
    { measurement: 'Submit, HTTP p99 ÷ p50', case: clientsLabel(r.clients), result: `${n(spread, 1)}×` },
    ...floorRows,
  ];
}

async function summaryRows(): Promise<BenchRow[]> {
  log(`summary reads at ${sizes.join(', ')} stored responses…`);
  return (await benchSummaryRead(sizes, keepDir)).flatMap((r): BenchRow[] => [
    {
      measurement: 'Summary read (200 sequential)',
      case: `${n(r.responses)} stored, load ${n(r.load, 2)}`,
      result: `p50 ${ms(r.p50)} · p95 ${ms(r.p95)} · mean ${ms(r.mean)} (fill ${n(r.fillSeconds)} s)`,
    },
    {
      measurement: 'Summary read ÷ the same reads, plain driver',
      case: `${n(r.responses)} stored, load ${n(r.load, 2)}`,
      result: `${n(r.p50 / r.rawP50, 2)}× (plain driver p50 ${ms(r.rawP50)}, interleaved)`,
      target: '≤ 1.2×',
      met: r.p50 / r.rawP50 <= 1.2,
    },
  ]);
}

function startRow(label: string, samples: StartSample[], where: string): BenchRow {
  const healthy = samples.map((s) => s.healthyMs / 1000);
  const ready = samples.map((s) => s.readyMs / 1000);
  const launcher = samples.some((s) => s.builtLauncher) ? 'launcher built in the first run' : 'launcher already built';
  return {
    measurement: label,
    case: `${where}; ${launcher}`,
    result: `/healthz 200 after ${n(percentile(healthy, 50), 2)} s (median of ${samples.length}, ${n(Math.min(...healthy), 2)}–${n(Math.max(...healthy), 2)}); "database ready" ${n(percentile(ready, 50), 2)} s`,
  };
}

async function startupRows(): Promise<BenchRow[]> {
  log('start-up, cold and warm…');
  const { cold, warm } = await benchStartup(3);
  return [
    startRow('Start-up, cold', cold, 'fresh data directory'),
    startRow('Start-up, warm', warm, 'same data directory again'),
  ];
}

async function exportRows(): Promise<BenchRow[]> {
  const exportSizes = option('export-sizes')?.split(',').map(Number) ?? (full ? [100_000, 1_000_000] : [10_000]);
  log(`exports at ${exportSizes.join(', ')} stored responses…`);
  const mb = (bytes: number) => `${n(bytes / 1e6)} MB`;
  return (await benchExport(exportSizes, ['csv', 'sav'], keepDir)).flatMap((r): BenchRow[] => {
    const ratio = r.rows / r.seconds / r.rawPerSecond;
    const when = `${n(r.responses)} stored, load ${n(r.load, 2)}`;
    return [
      {
        measurement: `Export, ${r.format}`,
        case: when,
        result: `${n(r.rows / r.seconds)} rows/s (${n(r.seconds, 1)} s) · CPU: server ${n(r.serverCpu, 2)} s, FerretDB ${n(r.dbCpu, 2)} s · peak RSS ${mb(r.peakRss)} (${mb(r.baseRss)} before) · FerretDB RSS ${mb(r.dbRss)} · /healthz max ${ms(Math.max(...r.health))}${r.unhealthy ? ` (${r.unhealthy} not 200)` : ''}, submission max ${ms(Math.max(...r.submit))} meanwhile`,
        ...(r.responses >= 1_000_000 ? { target: 'peak RSS ≤ 300 MB', met: r.peakRss <= 300e6 } : {}),
      },
      {
        measurement: `Export ÷ plain cursor, ${r.format}`,
        case: when,
        result: `${n(ratio, 2)}× (plain cursor over the same rows ${n(r.rawPerSecond)} docs/s, the runs before and after); from the first byte on ${n(r.rows / (r.seconds - r.firstByte) / r.rawPerSecond, 2)}×`,
        target: '≥ 0.8×',
        met: ratio >= 0.8,
      },
      {
        measurement: `Export, first byte, ${r.format}`,
        case: when,
        result: `${n(r.firstByte, 2)} s (headers ${n(r.headers, 2)} s)`,
        target: '≤ 2 s',
        met: r.firstByte <= 2,
      },
    ];
  });
}

function machine(): string[] {
  const cpus = os.cpus();
  return [
    `- CPU: ${cpus[0]?.model.trim() ?? 'unknown'}, ${cpus.length} cores (${os.availableParallelism()} available to Node)`,
    `- Memory: ${n(os.totalmem() / 2 ** 30, 1)} GiB; ${os.type()} ${os.release()} (${os.arch()})`,
    `- Node ${process.version}; embedded FerretDB v1.24.2 (SQLite backend)`,
    `- Load average at start: ${os
      .loadavg()
      .map((l) => n(l, 2))
      .join(', ')} (other work on the machine skews every figure)`,
  ];
}

function table(rows: BenchRow[]): string[] {
  const met = (r: BenchRow) => (r.met === undefined ? '' : r.met ? 'yes' : '**no**');
  return [
    '| Measurement | Case | Result | Target | Met |',
    '|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.measurement} | ${r.case} | ${r.result} | ${r.target ?? ''} | ${met(r)} |`),
  ];
}

function writeDoc(block: string): void {
  const [start, end] = ['<!-- bench:start -->', '<!-- bench:end -->'];
  const doc = readFileSync(docPath, 'utf8');
  if (!doc.includes(start) || !doc.includes(end)) throw new Error(`${docPath} lacks the ${start} … ${end} markers`);
  writeFileSync(
    docPath,
    `${doc.slice(0, doc.indexOf(start) + start.length)}\n${block}\n${doc.slice(doc.indexOf(end))}`,
  );
}

if (process.argv[1]?.endsWith('index.ts')) {
  const head = machine();
  const started = new Date();
  const rows: BenchRow[] = [];
  const sections = [
    ['Submissions', submissionRows, 'submissions'],
    ['Summary read', summaryRows, 'summary'],
    ['Start-up', startupRows, 'startup'],
    ['Export', exportRows, 'export'],
  ] as const;
  // a partial run must not replace the full table in the document
  if (only && args.includes('--write'))
    throw new Error('--write replaces the whole results block: run it without --only');
  for (const [name, section, key] of sections) {
    if (only && !only.includes(key)) continue;
    // one broken benchmark leaves its row saying so instead of losing the others
    rows.push(
      ...(await section().catch((err: Error): BenchRow[] => [
        { measurement: name, case: '—', result: `failed: ${err.message.split('\n')[0]}` },
      ])),
    );
  }
  const command = `npm run bench --${args.length ? ` ${args.join(' ')}` : ''}`;
  const block = [
    `Run ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC with \`${command}\`:`,
    '',
    ...head,
    `- Load average at end: ${os
      .loadavg()
      .map((l) => n(l, 2))
      .join(', ')}`,
    '',
    ...table(rows),
  ].join('\n');
  console.log(`\n${block}`);
  if (args.includes('--write')) {
    writeDoc(block);
    log(`\nwrote ${docPath}`);
  }
}
