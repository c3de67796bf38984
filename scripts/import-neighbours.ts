import { readImportFile, namingFile } from '../server/workforce/cli-input.js';
import { importNeighbours } from '../server/workforce/service.js';
import { formatNeighbourSummary } from '../server/workforce/summary.js';
import { runCli } from './cli.js';

const usage = 'Usage: npm run import:neighbours -- <sn_model_2025_wide.csv>';

await runCli(usage, {}, async ({ positionals: [path, ...extra] }) => {
  const { name, text } = await readImportFile(path, extra);
  const summary = await namingFile(name, () => importNeighbours(text, { file: name }));
  console.log(formatNeighbourSummary(summary));
});
