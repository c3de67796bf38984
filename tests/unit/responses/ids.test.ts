import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { storedResponseId } from '../../../server/responses/ids.js';

// The stored id is how a retry finds its copy stored before, by this version or an earlier one:
// its formula may never change. The expected value is SHA-256 of "response|<submissionId>",
// base64url without padding, worked out with Python's hashlib.
describe('storedResponseId', () => {
  test('when given a submissionId, then it is SHA-256 of "response|" and the id in lower case, base64url', () => {
    const expected = 'IkGb2JilkcnQH-QCjhn12WtLuTZYlabYYAZtbkBadCw';
    assert.equal(storedResponseId('3f2b8c1e-5d4a-4e6f-9b7c-1a2b3c4d5e6f'), expected);
    assert.equal(storedResponseId('3F2B8C1E-5D4A-4E6F-9B7C-1A2B3C4D5E6F'), expected, 'the same id in capitals');
  });
});
