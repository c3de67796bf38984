// The same scenarios run short inside `npm test` and long in `npm run test:resilience`
// (RESILIENCE_LONG=1); only the sizes differ.
export type ResilienceMode = {
  name: 'short' | 'long';
  clients: number;
  loadMs: number; // the whole load, outage included
  leadMs: number; // steady load before the database stops
  outageMs: number;
  tailMs: number; // steady load kept up after /healthz recovers, at least
  maxSubmissions: number;
  hostileRunsPerKind: number;
};

export const shortMode: ResilienceMode = {
  name: 'short',
  clients: 64,
  loadMs: 8_000,
  leadMs: 2_500,
  outageMs: 3_000,
  tailMs: 2_000,
  maxSubmissions: 5_000,
  hostileRunsPerKind: 60,
};

export const longMode: ResilienceMode = {
  name: 'long',
  clients: 64,
  loadMs: 60_000,
  leadMs: 20_000,
  outageMs: 10_000,
  tailMs: 10_000,
  maxSubmissions: 60_000,
  hostileRunsPerKind: 1_200,
};

export const modeFromEnv = (): ResilienceMode => (process.env.RESILIENCE_LONG === '1' ? longMode : shortMode);
