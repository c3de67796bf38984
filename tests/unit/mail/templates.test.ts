import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { invitationAnonymityHtml, invitationAnonymityText } from '../../../server/invitations/anonymity.js';
import { mailConfigProblems, senderDomain, transportKind, type MailSettings } from '../../../server/config.js';
import { renderInvitation } from '../../../server/mail/templates.js';

const facts = { council: 'Council <855> & Co', closesOn: '2026-06-30', minGroupSize: 10, retentionDays: 30 };
const links = { survey: 'https://s.example/s/abc?t=tok', optOut: 'https://s.example/unsubscribe/opt' };

describe('renderInvitation', () => {
  test('when the council name holds markup, then the HTML escapes it and the text keeps it', () => {
    const mail = renderInvitation('invitation', 'en', facts, links);
    assert.match(mail.text, /Council <855> & Co is asking/);
    assert.match(mail.html, /Council &lt;855&gt; &amp; Co is asking/);
    assert.doesNotMatch(mail.html, /<855>/);
  });

  test('when a reminder is rendered, then it says so, keeps the anonymity statement and the opt-out, and ends in the closing date', () => {
    const mail = renderInvitation('reminder', 'cy', facts, links);
    assert.equal(mail.subject, "Nodyn atgoffa: mae'r arolwg llesiant staff yn cau ar 30 Mehefin 2026");
    assert.match(mail.text, /Mae eich atebion yn ddienw/);
    assert.match(mail.text, /https:\/\/s\.example\/unsubscribe\/opt/);
    assert.equal(mail.lang, 'cy');
  });
});

describe('admin anonymity statement', () => {
  test('when shown, then it says plainly that who responded is knowable and what they said is not', () => {
    const text = invitationAnonymityText(10, 30);
    assert.match(text, /Who has responded is knowable/);
    assert.match(text, /What anyone said is not/);
    assert.match(text, /deleted 30 days after the wave closes/);
    assert.match(
      invitationAnonymityHtml(10, 30),
      /^<section class="invitation-anonymity"[\s\S]*<li>A forwarded link lets someone else answer once in that person&#39;s place/,
    );
  });
});

describe('mail settings', () => {
  const base: MailSettings = {
    NODE_ENV: 'development',
    SMTP_PORT: 587,
    SMTP_TLS: 'starttls',
    MAIL_FROM: 'Survey <survey@council.example>',
    MAIL_DIR: './data/mail',
    MAIL_RATE_PER_SECOND: 10,
    MAIL_MAX_ATTEMPTS: 8,
    MAIL_RETRY_BASE_SECONDS: 30,
    INVITATION_RETENTION_DAYS: 30,
  };
  test('when nothing is set, then mail goes to files in development and nowhere in production', () => {
    assert.equal(transportKind(base), 'folder');
    assert.equal(transportKind({ ...base, NODE_ENV: 'production' }), 'off');
    assert.equal(transportKind({ ...base, NODE_ENV: 'production', SMTP_HOST: 'smtp.council.example' }), 'smtp');
  });

  test('when settings contradict each other, then each problem names its key', () => {
    assert.deepEqual(mailConfigProblems(base), []);
    assert.deepEqual(mailConfigProblems({ ...base, MAIL_TRANSPORT: 'smtp' }), [
      'SMTP_HOST: required when MAIL_TRANSPORT=smtp',
    ]);
    assert.match(
      mailConfigProblems({ ...base, SMTP_HOST: 'smtp.council.example', SMTP_TLS: 'none' })[0]!,
      /^SMTP_TLS: none/,
    );
    assert.deepEqual(mailConfigProblems({ ...base, SMTP_HOST: '127.0.0.1', SMTP_TLS: 'none' }), []);
    assert.match(mailConfigProblems({ ...base, SMTP_USER: 'u' })[0]!, /^SMTP_USER/);
    assert.match(mailConfigProblems({ ...base, MAIL_FROM: 'no address' })[0]!, /^MAIL_FROM/);
    assert.match(
      mailConfigProblems({ ...base, SMTP_HOST: 'smtp.council.example', MAIL_FROM: 'Survey <no-reply@localhost>' })[0]!,
      /^MAIL_FROM: set a sender/,
    );
    assert.equal(senderDomain('Survey <survey@council.example>'), 'council.example');
  });
});
