import { readImportFile, namingFile } from '../server/workforce/cli-input.js';
import { createProgress } from '../server/workforce/progress.js';
import { importIndicators } from '../server/workforce/service.js';
import { formatIndicatorSummary } from '../server/workforce/summary.js';
import { runCli } from './cli.js';

const usage = "Usage: npm run import:workforce -- <DfE children's social work workforce indicators file.csv>";

await runCli(usage, {}, async ({ positionals: [path, ...extra] }) => {
  const { name, text } = await readImportFile(path, extra);
  const onProgress = createProgress(process.stderr);
  const summary = await namingFile(name, () => importIndicators(text, { file: name, onProgress }));
  console.log(formatIndicatorSummary(summary));
});
