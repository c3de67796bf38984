import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { pearson } from '../../../server/stats/correlation.js';
import { invert } from '../../../server/stats/matrix.js';
import { linearModel, logisticModel, standardise } from '../../../server/stats/regression.js';
import { assertClose } from '../../helpers/approx.js';

// Worked example: x = 1..5, y = 2, 4, 5, 4, 5.
//   deviations: x −2 −1 0 1 2, y −2 0 1 0 1;  Σdxdy = 4 + 0 + 0 + 0 + 2 = 6, Σdx² = 10, Σdy² = 6
//   r = 6 / √60 = 0.7745967
//   Fisher: atanh(r) = 1.0317184, ± 1.959964 / √2 = 1.3859038 → tanh(−0.3541854), tanh(2.4176222)
//   With one predictor the standardised slope is r, its SE √((1 − r²) / (n − 2)) = √(0.4 / 3)
//   = 0.3651484, and t(0.975, 3) = 3.1824463, so the interval is r ± 1.1620651.
const X = [1, 2, 3, 4, 5];
const Y = [2, 4, 5, 4, 5];

describe('pearson', () => {
  test('when x and y vary together, then r and the Fisher interval are the hand-worked ones', () => {
    const c = pearson(X, Y)!;
    assertClose(c.r, 0.7745967, 1e-7);
    assertClose(c.ci95![0], Math.tanh(-0.3541854), 1e-7);
    assertClose(c.ci95![1], Math.tanh(2.4176222), 1e-7);
  });

  test('when one variable does not vary, then there is no correlation', () => {
    assert.equal(pearson(X, [3, 3, 3, 3, 3]), null);
  });
});

describe('linearModel', () => {
  test('when there is one predictor, then the standardised slope is r with its t interval', () => {
    const fit = linearModel(
      X.map((x) => [x]),
      Y,
    );
    assert.ok(fit.ok);
    assert.equal(fit.df, 3);
    const [b] = fit.coefficients;
    assertClose(b!.estimate, 0.7745967, 1e-7);
    assertClose(b!.se, 0.3651484, 1e-7);
    assertClose(b!.ci95[0], 0.7745967 - 1.1620651, 1e-6);
    assertClose(b!.ci95[1], 0.7745967 + 1.1620651, 1e-6);
  });

  test('when one predictor is a multiple of another, then the model says they cannot be told apart', () => {
    const fit = linearModel(
      [...X, 6].map((x) => [x, 2 * x]),
      [...Y, 6],
    );
    assert.deepEqual(fit, { ok: false, n: 6, reason: 'collinear' });
  });

  test('when a predictor does not vary, then there is no model', () => {
    assert.equal(
      linearModel(
        X.map((x) => [x, 1]),
        Y,
      ).ok,
      false,
    );
  });

  test('when there are fewer than p + 3 rows, then there is no model', () => {
    assert.deepEqual(linearModel([[1], [2], [3]], [1, 2, 2]), { ok: false, n: 3, reason: 'too-few' });
  });
});

// Worked example: a 0/1 predictor, 10 rows each. x = 0: 2 of 10 have y = 1; x = 1: 6 of 10.
//   log odds ratio = ln((6/4) / (2/8)) = ln 6 = 1.7917595, SE √(1/6 + 1/4 + 1/2 + 1/8) = 1.0206207
//   sd(x) = √(20 · 0.25 / 19) = 0.5129892, so per SD: 0.9191530 (SE 0.5235684), Wald ± 1.959964 SE.
describe('logisticModel', () => {
  const x = [...Array<number>(10).fill(0), ...Array<number>(10).fill(1)];
  const y = [1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0];

  test('when the predictor is 0/1, then the coefficient is the log odds ratio per SD with its Wald interval', () => {
    const fit = logisticModel(
      x.map((v) => [v]),
      y,
    );
    assert.ok(fit.ok);
    const [b] = fit.coefficients;
    assertClose(b!.estimate, 1.791759 * 0.5129892, 1e-6);
    assertClose(b!.se, 1.0206207 * 0.5129892, 1e-6);
    assertClose(b!.ci95[0], b!.estimate - 1.959964 * b!.se, 1e-6);
  });

  test('when the predictor separates the outcome, then no estimate is given', () => {
    const fit = logisticModel(
      x.map((v) => [v]),
      x,
    );
    assert.deepEqual(fit, { ok: false, n: 20, reason: 'separation' });
  });
});

describe('invert and standardise', () => {
  test('when a 2 × 2 matrix is inverted, then it is the hand-worked inverse', () => {
    // [[4, 2], [2, 3]]: determinant 8, inverse [[3, −2], [−2, 4]] / 8
    const inv = invert([
      [4, 2],
      [2, 3],
    ])!;
    assert.deepEqual(inv.flat(), [0.375, -0.25, -0.25, 0.5]);
  });

  test('when a column is standardised, then it has mean 0 and sample SD 1', () => {
    // 1..5: mean 3, sample SD √(10 / 4) = 1.5811388
    assertClose(standardise(X)![0]!, -2 / 1.5811388, 1e-7);
    assert.equal(standardise([2, 2]), null);
  });
});
