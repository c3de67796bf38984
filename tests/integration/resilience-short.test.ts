// The short version of `npm run test:resilience`, run by `npm test`: 64 clients with a database
// outage, and 60 hostile requests of each kind to each endpoint (submission, sign-in, import,
// export and codebook). The scenarios live in tests/resilience/.
import { loadAndOutageSuite } from '../helpers/resilience/outage-scenario.js';
import { hostileInputSuite } from '../helpers/resilience/hostile-scenario.js';
import { shortMode } from '../helpers/resilience/mode.js';

loadAndOutageSuite(shortMode);
hostileInputSuite(shortMode);
