import assert from 'node:assert/strict';

// Absolute tolerance: the expected values are quoted to a fixed number of decimals.
export function assertClose(actual: number | null | undefined, expected: number, tolerance = 1e-9): void {
  assert.ok(typeof actual === 'number', `expected a number close to ${expected}, got ${actual}`);
  assert.ok(Math.abs(actual - expected) <= tolerance, `expected ${expected} ± ${tolerance}, got ${actual}`);
}

export function assertIntervalClose(
  actual: readonly [number, number] | null | undefined,
  expected: readonly [number, number],
  tolerance = 1e-9,
): void {
  assert.ok(actual, `expected an interval close to [${expected.join(', ')}], got ${actual}`);
  assertClose(actual[0], expected[0], tolerance);
  assertClose(actual[1], expected[1], tolerance);
}
