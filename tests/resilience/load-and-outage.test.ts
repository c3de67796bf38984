import { loadAndOutageSuite } from '../helpers/resilience/outage-scenario.js';
import { modeFromEnv } from '../helpers/resilience/mode.js';

loadAndOutageSuite(modeFromEnv());
