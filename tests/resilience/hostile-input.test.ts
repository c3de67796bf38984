import { hostileInputSuite } from '../helpers/resilience/hostile-scenario.js';
import { modeFromEnv } from '../helpers/resilience/mode.js';

hostileInputSuite(modeFromEnv());
