import { hostileInputSuite } from './hostile-scenario.js';
import { modeFromEnv } from './mode.js';

hostileInputSuite(modeFromEnv());
