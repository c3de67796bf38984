import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import supertest from 'supertest';
import { createUser } from '../../../server/accounts/users.js';
import { signIn, useTestApp, type StaffSpec } from '../../helpers/app.js';
import { buildCampaign, buildCouncil } from '../../helpers/factories.js';
import { callbackUrl, oidcEnv, oidcStaff, startOidcProvider } from '../../helpers/oidc-provider.js';

// Each row is checked twice: with staff signed in by password, then through an OpenID Connect provider.
const provider = await startOidcProvider([callbackUrl('http://platform.test')]);
const { app, http } = useTestApp(import.meta.url, oidcEnv(provider.issuer, 'http://platform.test'));
after(() => provider.stop());
const ways = [
  ['a password', signIn],
  ['a provider', (a: typeof app, spec: StaffSpec) => oidcStaff(a, provider, spec)],
] as const;

type Actor = 'anonymous' | 'admin' | 'hrOwn' | 'hrOther' | 'researcher';
type Expect = '2xx' | 401 | 403;
type Seed = { campaign: string };
// `passed`: what an allowed actor gets once past the guard, when that is not a 2xx (e.g. 404 for
// a resend of a problem that does not exist); `csv`: a text/csv body instead of JSON.
type Row = {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  url?: (s: Seed) => string;
  body?: object;
  csv?: string;
  passed?: number;
  allowed: Actor[];
};

// Council 855 is the one asked about: hrOwn leads it, hrOther leads 856.
const actors: Record<Exclude<Actor, 'anonymous'>, StaffSpec> = {
  hrOwn: { role: 'hr_lead', pilots: ['855'] },
  hrOther: { role: 'hr_lead', pilots: ['856'] },
  researcher: { role: 'researcher' },
  admin: { role: 'admin' }, // last, so its changes cannot affect the others' answers
};
const everyone: Actor[] = ['admin', 'hrOwn', 'hrOther', 'researcher'];
const councilReaders: Actor[] = ['admin', 'hrOwn', 'researcher'];
const admin: Actor[] = ['admin'];
const campaignManagers: Actor[] = ['admin', 'hrOwn'];

// Every /api/v1 route except the respondent ones, openapi.json and signing in.
const rows: Row[] = [
  { method: 'get', path: '/api/v1/session', allowed: everyone },
  { method: 'delete', path: '/api/v1/session', allowed: everyone },
  {
    method: 'get',
    path: '/api/v1/pilots/:code/summary',
    url: () => '/api/v1/pilots/855/summary?wave=w1',
    allowed: councilReaders,
  },
  {
    method: 'get',
    path: '/api/v1/comparisons',
    url: () => '/api/v1/comparisons?wave=w0',
    allowed: ['admin', 'researcher'],
  },
  {
    method: 'get',
    path: '/api/v1/pilots/:code/drivers',
    url: () => '/api/v1/pilots/855/drivers?wave=w1',
    allowed: councilReaders,
  },
  {
    method: 'get',
    path: '/api/v1/drivers',
    url: () => '/api/v1/drivers?wave=w0',
    allowed: ['admin', 'researcher'],
  },
  {
    method: 'get',
    path: '/api/v1/pilots/:code/workforce',
    url: () => '/api/v1/pilots/855/workforce',
    allowed: councilReaders,
  },
  {
    method: 'put',
    path: '/api/v1/pilots/:code/workforce/:year',
    url: () => '/api/v1/pilots/855/workforce/2026',
    body: { turnoverRateFte: 12.5 },
    allowed: ['admin', 'hrOwn'],
  },
  { method: 'get', path: '/api/v1/councils', allowed: everyone },
  { method: 'get', path: '/api/v1/waves', allowed: everyone },
  {
    method: 'get',
    path: '/api/v1/pilots/:code/overview',
    url: () => '/api/v1/pilots/855/overview',
    allowed: councilReaders,
  },
  { method: 'get', path: '/api/v1/admin/surveys', allowed: admin },
  {
    method: 'post',
    path: '/api/v1/admin/surveys',
    url: () => '/api/v1/admin/surveys?check=true',
    body: { elements: [{ type: 'rating', name: 'mood' }] },
    allowed: admin,
  },
  { method: 'get', path: '/api/v1/admin/pilots', allowed: admin },
  {
    method: 'post',
    path: '/api/v1/admin/pilots',
    body: { code: '857', name: 'Council 857', arm: 'comparison' },
    allowed: admin,
  },
  {
    method: 'patch',
    path: '/api/v1/admin/pilots/:code',
    url: () => '/api/v1/admin/pilots/855',
    body: { region: 'East Midlands' },
    allowed: admin,
  },
  { method: 'get', path: '/api/v1/admin/waves', allowed: admin },
  {
    method: 'post',
    path: '/api/v1/admin/waves',
    body: {
      id: 'w2',
      name: 'Wave 2',
      opensOn: '2030-01-01',
      closesOn: '2030-02-01',
      surveyId: 'staff-wellbeing',
      surveyVersion: 1,
    },
    allowed: admin,
  },
  {
    method: 'patch',
    path: '/api/v1/admin/waves/:id',
    url: () => '/api/v1/admin/waves/w1',
    body: { name: 'Wave one' },
    allowed: admin,
  },
  {
    method: 'get',
    path: '/api/v1/admin/waves/:id/campaigns',
    url: () => '/api/v1/admin/waves/w1/campaigns',
    allowed: admin,
  },
  {
    method: 'post',
    path: '/api/v1/admin/waves/:id/campaigns',
    url: () => '/api/v1/admin/waves/w1/campaigns',
    body: { pilotCode: '856' },
    allowed: admin,
  },
  {
    method: 'patch',
    path: '/api/v1/admin/campaigns/:code',
    url: (s) => `/api/v1/admin/campaigns/${s.campaign}`,
    body: { headcount: 40 },
    allowed: admin,
  },
  { method: 'get', path: '/api/v1/admin/users', allowed: admin },
  {
    method: 'post',
    path: '/api/v1/admin/users',
    body: { email: 'new.person@example.org', role: 'researcher' },
    allowed: admin,
  },
  {
    method: 'patch',
    path: '/api/v1/admin/users/:email',
    url: () => '/api/v1/admin/users/target@example.org',
    body: { role: 'admin' },
    allowed: admin,
  },
  {
    method: 'delete',
    path: '/api/v1/admin/users/:email',
    url: () => '/api/v1/admin/users/target@example.org',
    allowed: admin,
  },
  {
    method: 'post',
    path: '/api/v1/invitations/:code/list',
    url: (s) => `/api/v1/invitations/${s.campaign}/list`,
    csv: 'email\nsomeone@example.org\n',
    allowed: campaignManagers,
  },
  {
    method: 'get',
    path: '/api/v1/invitations/:code',
    url: (s) => `/api/v1/invitations/${s.campaign}`,
    allowed: campaignManagers,
  },
  {
    method: 'put',
    path: '/api/v1/invitations/:code/reminders',
    url: (s) => `/api/v1/invitations/${s.campaign}/reminders`,
    body: { dates: [] },
    allowed: campaignManagers,
  },
  {
    method: 'delete',
    path: '/api/v1/invitations/:code/list',
    url: (s) => `/api/v1/invitations/${s.campaign}/list`,
    allowed: campaignManagers,
  },
  {
    method: 'post',
    path: '/api/v1/invitations/:code/problems/:id/resend',
    url: (s) => `/api/v1/invitations/${s.campaign}/problems/nope/resend`,
    passed: 404,
    allowed: campaignManagers,
  },
  {
    method: 'get',
    path: '/api/v1/exports/responses',
    url: () => '/api/v1/exports/responses?format=ndjson',
    allowed: ['admin', 'researcher'],
  },
  {
    method: 'get',
    path: '/api/v1/exports/codebook',
    url: () => '/api/v1/exports/codebook?format=md&survey=staff-wellbeing@1',
    allowed: ['admin', 'researcher'],
  },
  { method: 'get', path: '/api/v1/exports/audit', allowed: admin },
  // a file of one row with no answers: past the guard, the import refuses it (422)
  {
    method: 'post',
    path: '/api/v1/imports/responses',
    url: (s) => `/api/v1/imports/responses?campaign=${s.campaign}`,
    csv: 'council\n855\n',
    passed: 422,
    allowed: admin,
  },
];

async function seed(): Promise<Seed> {
  const { code } = await buildCampaign({ pilot: '855', wave: 'w1' });
  await buildCampaign({ pilot: '855', wave: 'w0', opensOn: '2025-01-01', closesOn: '2025-02-01' }); // closed: comparisons wait for that
  await buildCouncil({ code: '856' });
  await createUser({ email: 'target@example.org', role: 'researcher' });
  return { campaign: code };
}

// Every route the app really has, read from its router (not from the spec, which could lag).
type Layer = { rawPath?: string | string[]; route?: { methods: Record<string, boolean> }; handle: { stack?: Layer[] } };
function appRoutes(appToList: unknown): string[] {
  const walk = (stack: Layer[], prefix: string): string[] =>
    stack.flatMap((layer) =>
      ([] as string[])
        .concat(layer.rawPath ?? '')
        .flatMap((p) =>
          layer.route
            ? Object.keys(layer.route.methods).map((m) => `${m} ${prefix}${p}`)
            : layer.handle.stack
              ? walk(layer.handle.stack, prefix + (p === '/' ? '' : p))
              : [],
        ),
    );
  return walk((appToList as { router: { stack: Layer[] } }).router.stack, '');
}

const expected = (row: Row, actor: Actor): Expect | number =>
  actor === 'anonymous' ? 401 : row.allowed.includes(actor) ? (row.passed ?? '2xx') : 403;

describe('who may call each /api/v1 route', () => {
  test('when the app has a staff route, then this table covers it', () => {
    const anonymous = [
      'get /api/v1/openapi.json',
      'get /api/v1/campaigns/:code',
      'post /api/v1/campaigns/:code/responses',
      'post /api/v1/campaigns/:code/invitation-check',
      'post /api/v1/session',
      'get /api/v1/session/options',
    ];
    const staffRoutes = appRoutes(app).filter((r) => r.includes(' /api/v1/') && !anonymous.includes(r));
    assert.deepEqual(rows.map((r) => `${r.method} ${r.path}`).sort(), staffRoutes.sort());
  });

  for (const [way, signInWith, row] of ways.flatMap(([w, f]) => rows.map((r) => [w, f, r] as const))) {
    const summary = (['anonymous', ...everyone] as Actor[]).map((a) => `${a} ${expected(row, a)}`).join(', ');
    test(`when ${row.method.toUpperCase()} ${row.path} is called by staff signed in with ${way}, then ${summary}`, async () => {
      const s = await seed();
      const url = row.url?.(s) ?? row.path;
      const clients: [Actor, supertest.Agent | ReturnType<typeof supertest>][] = [['anonymous', http()]];
      for (const [actor, spec] of Object.entries(actors)) clients.push([actor as Actor, await signInWith(app, spec)]);
      for (const [actor, client] of clients) {
        const req = client[row.method](url);
        const res = row.csv
          ? await req.set('Content-Type', 'text/csv').send(row.csv)
          : row.body
            ? await req.send(row.body)
            : await req;
        const want = expected(row, actor);
        const ok = want === '2xx' ? res.status >= 200 && res.status < 300 : res.status === want;
        assert.ok(
          ok,
          `${actor}: ${row.method.toUpperCase()} ${url} answered ${res.status} ${JSON.stringify(res.body)}, expected ${want}`,
        );
        if (want === 401) assert.equal(res.body.error.code, 'sign_in_required');
        if (want === 403) assert.equal(res.body.error.code, 'forbidden');
      }
    });
  }
});
