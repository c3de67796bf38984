// The short version of `npm run test:resilience`, run by `npm test`: 64 clients with a database
// outage, and a few hundred hostile bodies per kind. The scenarios live in tests/resilience/.
import { loadAndOutageSuite } from '../resilience/outage-scenario.js';
import { hostileInputSuite } from '../resilience/hostile-scenario.js';
import { shortMode } from '../resilience/mode.js';

loadAndOutageSuite(shortMode);
hostileInputSuite(shortMode);
