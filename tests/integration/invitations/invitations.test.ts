import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { InvitationToken, inviteesOf } from '../../../server/invitations/model.js';
import { hashToken } from '../../../server/invitations/tokens.js';
import { buildCampaign } from '../../helpers/factories.js';
import { optOutLink, surveyLink, upload, useMailTest } from '../../helpers/mail.js';

const t = useMailTest(import.meta.url);
const longDate = (day: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`));
const closesOn = () => new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);

describe('POST /api/v1/invitations/:code/list', () => {
  test('when an HR lead uploads a list, then each address gets one invitation with its own link, the closing date, the anonymity statement and an opt-out link', async () => {
    const { code } = await buildCampaign();
    const res = await upload(t.http(), code, 'email\r\nann@council.example\r\nbob@council.example\r\n');
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.deepEqual(res.body, { added: 2, alreadyListed: 0, duplicates: 0 });
    await t.worker().drain();
    const smtp = t.smtp();
    const [ann] = smtp.to('ann@council.example');
    assert.equal(smtp.to('bob@council.example').length, 1);
    assert.ok(ann);
    assert.match(ann.subject ?? '', /Staff wellbeing survey – Council 855: your personal link/);
    assert.deepEqual(
      ann.from?.value.map((a) => [a.name, a.address]),
      [['Staff wellbeing survey', 'survey@council.example']],
    );
    const link = surveyLink(ann.text ?? '');
    assert.ok(link, ann.text);
    assert.equal(link[1], code);
    assert.ok((ann.html || '').includes(`/s/${code}?t=${link[2]}`), 'the HTML part carries the same link');
    assert.ok(ann.text?.includes(`The survey closes on ${longDate(closesOn(), 'en-GB')}.`), ann.text);
    assert.match(ann.text ?? '', /Your answers are anonymous/);
    assert.match(ann.text ?? '', /never what anyone answered/);
    assert.match(ann.text ?? '', /groups of at least 10 people/);
    const optOut = optOutLink(ann.text ?? '');
    assert.ok(optOut && optOut[1] !== link[2], 'the opt-out token is not the survey token');
    const raw = (name: string) => ann.headerLines.find((h) => h.key === name)?.line.replace(/\r\n\s+/g, ' ');
    assert.equal(raw('list-unsubscribe'), `List-Unsubscribe: <https://survey.example.org/unsubscribe/${optOut[1]}>`);
    assert.equal(raw('list-unsubscribe-post'), 'List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    assert.match(String(ann.messageId), /@council\.example>$/);
    // only the SHA-256 of each token is stored, as the _id
    const stored = await InvitationToken.find().lean();
    assert.equal(stored.length, 4);
    assert.ok(await InvitationToken.exists({ _id: hashToken(link[2]!) }));
    assert.doesNotMatch(JSON.stringify(stored), new RegExp(link[2]!));
    const bobLink = surveyLink(smtp.to('bob@council.example')[0]!.text ?? '');
    assert.notEqual(bobLink?.[2], link[2]);
  });

  test('when the list is in Welsh, then the invitation is in Welsh with the Welsh date; when bilingual, then Welsh comes first and English follows', async () => {
    const { code } = await buildCampaign();
    await upload(t.http(), code, 'cymraeg@council.example', 'cy').expect(201);
    await upload(t.http(), code, 'dwyieithog@council.example', 'both').expect(201);
    await t.worker().drain();
    const [cy] = t.smtp().to('cymraeg@council.example');
    assert.match(cy?.subject ?? '', /^Arolwg llesiant staff – Council 855: eich dolen bersonol$/);
    assert.ok(cy?.text?.includes(`Mae'r arolwg yn cau ar ${longDate(closesOn(), 'cy-GB')}.`), cy?.text);
    assert.match(cy?.text ?? '', /Mae eich atebion yn ddienw/);
    assert.match(cy?.text ?? '', /Atal nodiadau atgoffa:\nhttps:\/\/survey\.example\.org\/unsubscribe\//);
    assert.ok(surveyLink(cy?.text ?? ''));
    assert.equal(cy?.headers.get('content-language'), 'cy');
    const [both] = t.smtp().to('dwyieithog@council.example');
    const text = both?.text ?? '';
    assert.match(both?.subject ?? '', /eich dolen bersonol \/ Staff wellbeing survey/);
    assert.ok(text.indexOf('Mae eich atebion yn ddienw') < text.indexOf('Your answers are anonymous'));
    assert.equal(text.match(/\?t=([A-Za-z0-9_-]{22})/g)?.length, 2);
    assert.equal(new Set(text.match(/\?t=([A-Za-z0-9_-]{22})/g)).size, 1, 'both languages carry the same link');
    assert.match(both?.html || '', /<div lang="cy">[\s\S]*<div lang="en">/);
  });

  test('when the list has bad rows, then 422 names each line and nothing is stored or sent', async () => {
    const { code } = await buildCampaign();
    const res = await upload(
      t.http(),
      code,
      'ok@council.example\nnot-an-address\n\nann@council,example.org,x\nbob@@council.example\n',
    );
    assert.equal(res.status, 422);
    assert.equal(res.body.error.code, 'invalid_list');
    assert.deepEqual(
      res.body.error.details.map((d: { line: number }) => d.line),
      [2, 4, 5],
    );
    assert.equal(await inviteesOf(code).countDocuments(), 0);
    await t.worker().drain();
    assert.equal(t.smtp().to('ok@council.example').length, 0);
  });

  test('when the list is not UTF-8, then it is refused (400 for invalid bytes, 415 for another charset) and nothing is stored', async () => {
    const { code } = await buildCampaign();
    const bytes = Buffer.concat([
      Buffer.from('ok@council.example\nren'),
      Buffer.from([0xe9]),
      Buffer.from('e@council.example\n'),
    ]);
    const bad = await t
      .http()
      .post(`/api/v1/invitations/${code}/list`)
      .set('X-Test-Role', 'hr')
      .set('Content-Type', 'text/csv')
      .send(bytes);
    assert.equal(bad.status, 400, JSON.stringify(bad.body));
    const latin = await t
      .http()
      .post(`/api/v1/invitations/${code}/list`)
      .set('X-Test-Role', 'hr')
      .set('Content-Type', 'text/csv; charset=iso-8859-1')
      .send('ok@council.example\n');
    assert.equal(latin.status, 415);
    assert.equal(await inviteesOf(code).countDocuments(), 0);
  });

  test('when addresses repeat within a list or across uploads, then each is invited once', async () => {
    const { code } = await buildCampaign();
    const first = await upload(t.http(), code, 'Cara@Council.example\ncara@council.example\ndai@council.example\n');
    assert.deepEqual(first.body, { added: 2, alreadyListed: 0, duplicates: 1 });
    const second = await upload(t.http(), code, 'dai@council.example\neve@council.example\n');
    assert.deepEqual(second.body, { added: 1, alreadyListed: 1, duplicates: 0 });
    await t.worker().drain();
    const to = t
      .smtp()
      .received.filter((m) => /council\.example/.test(m.envelopeTo.join()))
      .flatMap((m) => m.envelopeTo.map((a) => a.toLowerCase()));
    assert.deepEqual(
      to.filter((a) => ['cara@council.example', 'dai@council.example', 'eve@council.example'].includes(a)).sort(),
      ['cara@council.example', 'dai@council.example', 'eve@council.example'],
    );
  });

  test('when the survey opens later, then invitations wait for its opening day', async () => {
    const opensOn = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const { code } = await buildCampaign({
      wave: 'later',
      opensOn,
      closesOn: new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10),
    });
    await upload(t.http(), code, 'early@council.example').expect(201);
    await t.worker().drain();
    assert.equal(t.smtp().to('early@council.example').length, 0);
    const onOpening = new Date(`${opensOn}T10:00:00Z`);
    await t.worker({ now: () => onOpening }).drain();
    assert.equal(t.smtp().to('early@council.example').length, 1);
  });

  test('when the survey has closed, or the caller is not its HR lead, then the upload is refused', async () => {
    const closed = await buildCampaign({ closedManually: true });
    assert.equal((await upload(t.http(), closed.code, 'x@council.example')).status, 409);
    const open = await buildCampaign({ pilot: '856' });
    const res = await t
      .http()
      .post(`/api/v1/invitations/${open.code}/list`)
      .set('Content-Type', 'text/csv')
      .send('x@council.example');
    assert.equal(res.status, 403);
    const json = await t
      .http()
      .post(`/api/v1/invitations/${open.code}/list`)
      .set('X-Test-Role', 'hr')
      .send({ csv: 'x@council.example' });
    assert.equal(json.status, 415);
  });
});
