import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { classifySendError } from '../../../server/mail/send-errors.js';

// Error shapes as nodemailer 10 reports them (seen against smtp-server on loopback).
const cases: [string, Record<string, unknown>, string][] = [
  ['connection refused', { code: 'ESOCKET', originalCode: 'ECONNREFUSED', command: 'CONN' }, 'outage'],
  ['host not found', { code: 'EDNS', originalCode: 'ENOTFOUND', command: 'CONN' }, 'outage'],
  ['greeting timeout', { code: 'ETIMEDOUT', timeoutType: 'GREETING_TIMEOUT', command: 'CONN' }, 'outage'],
  ['login refused', { code: 'EAUTH', responseCode: 535, command: 'AUTH PLAIN' }, 'outage'],
  ['sender refused', { code: 'EENVELOPE', responseCode: 553, command: 'MAIL FROM' }, 'outage'],
  ['server busy at greeting', { code: 'EPROTOCOL', responseCode: 421, command: 'CONN' }, 'outage'],
  ['recipient unknown', { code: 'EENVELOPE', responseCode: 550, command: 'RCPT TO' }, 'failed'],
  ['recipient deferred', { code: 'EENVELOPE', responseCode: 450, command: 'RCPT TO' }, 'retry'],
  ['content refused', { code: 'EMESSAGE', responseCode: 554, command: 'DATA' }, 'failed'],
  ['content deferred', { code: 'EMESSAGE', responseCode: 451, command: 'DATA' }, 'retry'],
  ['no answer after the message', { code: 'ETIMEDOUT', timeoutType: 'SOCKET_TIMEOUT', command: 'CONN' }, 'unknown'],
  ['connection reset mid-session', { code: 'ESOCKET', originalCode: 'ECONNRESET', command: 'CONN' }, 'unknown'],
  ['something else entirely', {}, 'unknown'],
];

describe('classifySendError', () => {
  for (const [what, err, expected] of cases) {
    test(`when the error is ${what}, then the message is treated as ${expected}`, () => {
      assert.equal(classifySendError(Object.assign(new Error(what), err)), expected);
    });
  }
});
