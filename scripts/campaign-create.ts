import { loadConfig } from '../server/config.js';
import { createCampaign } from '../server/study/campaigns/service.js';
import { badRequest } from '../server/errors.js';
import { runCli } from './cli.js';

const usage =
  'Usage: npm run campaign:create -- --pilot <council code> --wave <wave id> [--headcount <staff in scope>] [--allow-free-text]';

await runCli(
  usage,
  {
    pilot: { type: 'string' },
    wave: { type: 'string' },
    headcount: { type: 'string' },
    'allow-free-text': { type: 'boolean' },
  },
  async ({ values }) => {
    if (!values.pilot || !values.wave) throw badRequest('--pilot and --wave are required.');
    const headcount = values.headcount === undefined ? undefined : Number(values.headcount);
    if (headcount !== undefined && (!Number.isInteger(headcount) || headcount < 1))
      throw badRequest('--headcount must be a whole number of staff, 1 or more.');
    const code = await createCampaign({
      pilotCode: values.pilot,
      waveId: values.wave,
      headcount,
      allowFreeText: values['allow-free-text'] ?? false,
    });
    const config = loadConfig();
    const base = config.PUBLIC_URL ?? `http://localhost:${config.PORT}`;
    console.log(`Campaign created for council ${values.pilot} in ${values.wave}.\nRespondent link: ${base}/s/${code}`);
  },
);
