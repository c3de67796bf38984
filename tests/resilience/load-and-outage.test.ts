import { loadAndOutageSuite } from './outage-scenario.js';
import { modeFromEnv } from './mode.js';

loadAndOutageSuite(modeFromEnv());
