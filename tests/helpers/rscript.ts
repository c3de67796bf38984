import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

export type REstimate = { estimate: number; se: number; df: number };

// Runs tests/r/<script> on a CSV of respondent rows and reads its "name estimate se df" lines.
// R missing is a failure, not a skip: `npm test` installs it (scripts/system-packages.ts).
export async function runRComparison(script: string, csv: string): Promise<Map<string, REstimate>> {
  const dir = mkdtempSync(join(tmpdir(), 'r-'));
  try {
    writeFileSync(join(dir, 'rows.csv'), csv);
    const { stdout } = await promisify(execFile)('Rscript', [join('tests', 'r', script), join(dir, 'rows.csv')]);
    const lines = stdout.trim().split('\n');
    return new Map(
      lines.map((line) => {
        const [name, estimate, se, df] = line.trim().split(/\s+/);
        return [name!, { estimate: Number(estimate), se: Number(se), df: Number(df) }];
      }),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function assertRelativelyEqual(actual: number | undefined, expected: number, what: string, tolerance = 1e-6) {
  const scale = Math.max(Math.abs(expected), 1e-12);
  if (typeof actual !== 'number' || !(Math.abs(actual - expected) / scale <= tolerance))
    throw new Error(`${what}: expected ${expected} (R) within ${tolerance} relative, got ${actual}`);
}

// Runs tests/r/<script> on a CSV with further arguments and returns its output lines split into words.
export async function runRLines(script: string, csv: string, args: string[] = []): Promise<string[][]> {
  const dir = mkdtempSync(join(tmpdir(), 'r-'));
  try {
    writeFileSync(join(dir, 'rows.csv'), csv);
    const { stdout } = await promisify(execFile)('Rscript', [
      join('tests', 'r', script),
      join(dir, 'rows.csv'),
      ...args,
    ]);
    return stdout
      .trim()
      .split('\n')
      .map((line) => line.trim().split(/\s+/));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
