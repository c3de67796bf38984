import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createProgress, progressBar } from '../../../server/workforce/progress.js';

const recorder = (isTTY: boolean) => {
  const written: string[] = [];
  return { stream: { isTTY, write: (text: string) => written.push(text) }, written };
};

describe('progress', () => {
  it('when a third is done, then the bar is a third full and shows the counts', () => {
    assert.equal(progressBar(100, 300, 9), '[###------]  33% 100/300');
    assert.equal(progressBar(0, 0, 4), '[####] 100% 0/0');
  });

  it('when stderr is a terminal, then the bar redraws in place and ends with a newline', () => {
    const { stream, written } = recorder(true);
    const report = createProgress(stream);
    report('writing', 1, 2);
    report('writing', 2, 2);
    assert.ok(written.every((text) => text.startsWith('\r')));
    assert.ok(written[1]?.endsWith('\n'));
  });

  it('when stderr is not a terminal, then it prints a line per quarter and not per call', () => {
    const { stream, written } = recorder(false);
    const report = createProgress(stream);
    for (let done = 10; done <= 100; done += 10) report('writing', done, 100);
    assert.deepEqual(written, [
      'writing 10/100 (10%)\n',
      'writing 30/100 (30%)\n',
      'writing 50/100 (50%)\n',
      'writing 80/100 (80%)\n',
      'writing 100/100 (100%)\n',
    ]);
  });
});
