import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, parseConfig } from '../../server/config.js';

describe('parseConfig', () => {
  test('when nothing is set, then the documented defaults apply and the result is frozen', () => {
    const config = parseConfig({});
    assert.equal(config.PORT, 3000);
    assert.equal(config.MIN_GROUP_SIZE, 10);
    assert.equal(config.MONGODB_URI, undefined);
    assert.equal(config.httpsPublic, false);
    assert.ok(Object.isFrozen(config));
  });

  test('when the minimum group size is below 5, then it is refused naming the key', () => {
    assert.throws(
      () => parseConfig({ MIN_GROUP_SIZE: '4' }),
      (e: Error) => e instanceof ConfigError && /MIN_GROUP_SIZE: must be at least 5/.test(e.message),
    );
  });

  test('when MONGODB_URI is not a mongodb URL, then the error says what it must start with', () => {
    assert.throws(() => parseConfig({ MONGODB_URI: 'postgres://x' }), /MONGODB_URI: must start with mongodb:\/\//);
  });

  test('when the free-text threshold is below the group threshold, then it is refused', () => {
    assert.throws(
      () => parseConfig({ MIN_GROUP_SIZE: '15', FREE_TEXT_MIN_GROUP_SIZE: '12' }),
      /FREE_TEXT_MIN_GROUP_SIZE/,
    );
  });

  test('when DRIVER_MIN_GROUP_SIZE is below MIN_GROUP_SIZE, then the configuration is refused', () => {
    assert.throws(() => parseConfig({ MIN_GROUP_SIZE: '15', DRIVER_MIN_GROUP_SIZE: '12' }), /DRIVER_MIN_GROUP_SIZE/);
    assert.equal(parseConfig({}).DRIVER_MIN_GROUP_SIZE, 30);
  });

  test('when PUBLIC_URL is https, then secure transport is switched on and empty values count as unset', () => {
    const config = parseConfig({ PUBLIC_URL: 'https://survey.example.org', PORT: '' });
    assert.equal(config.httpsPublic, true);
    assert.equal(config.PORT, 3000);
  });
});
