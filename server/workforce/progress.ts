// Progress for long imports, written to stderr so stdout carries only the summary.
export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

export function progressBar(done: number, total: number, width = 30): string {
  const fraction = total === 0 ? 1 : Math.min(1, done / total);
  const filled = Math.round(fraction * width);
  const percent = String(Math.floor(fraction * 100)).padStart(3);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${percent}% ${done}/${total}`;
}

// On a terminal the bar redraws in place; in a log (CI, a pipe) it prints a line per quarter
// so the log shows the import is alive without one line per chunk.
export function createProgress(stream: ProgressStream) {
  let lastPhase = '';
  let lastStep = -1;
  return (phase: string, done: number, total: number): void => {
    const finished = done >= total;
    if (stream.isTTY) {
      stream.write(`\r${phase.padEnd(8)} ${progressBar(done, total)}${finished ? '\n' : ''}`);
      return;
    }
    const step = total === 0 ? 4 : Math.floor((done / total) * 4);
    if (phase === lastPhase && step === lastStep) return;
    lastPhase = phase;
    lastStep = step;
    stream.write(`${phase} ${done}/${total} (${Math.floor((total === 0 ? 1 : done / total) * 100)}%)\n`);
  };
}
