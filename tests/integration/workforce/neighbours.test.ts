import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useTestApp } from '../../helpers/app.js';
import { readDfeFile } from '../../helpers/workforce-files.js';
import { WorkforceNeighbours, type NeighbourSetDoc } from '../../../server/workforce/model.js';
import { importNeighbours } from '../../../server/workforce/service.js';
import { WorkforceFileError } from '../../../server/workforce/errors.js';
import { importRealNeighbours, NEIGHBOURS_FILE } from '../../helpers/workforce.js';

useTestApp(import.meta.url);

const setOf = (code: string) => WorkforceNeighbours.findById(code).lean<NeighbourSetDoc>();

// Sunderland's row with its closest neighbour (807, Redcar and Cleveland) swapped for 393.
const withSunderlandChanged = (): string =>
  readDfeFile(NEIGHBOURS_FILE).replace(
    '394,Sunderland,4,North East,807,Very close,393,',
    '394,Sunderland,4,North East,393,Very close,807,',
  );

describe('importNeighbours', () => {
  test('when the real file is imported, then each council has its ten neighbours in rank order', async () => {
    const summary = await importRealNeighbours();
    assert.deepEqual([summary.councils, summary.added, summary.updated, summary.unchanged], [153, 153, 0, 0]);
    const set = await setOf('394');
    assert.equal(set?.name, 'Sunderland');
    assert.deepEqual(
      set?.neighbours.map((n) => n.laCode),
      ['807', '393', '805', '372', '357', '880', '390', '840', '370', '354'],
    );
    // 'Close ' in the file, with its trailing space
    assert.equal((await setOf('301'))?.neighbours[0]?.closeness, 'Close');
  });

  test('when the same file is imported again, then every set is unchanged', async () => {
    await importRealNeighbours();
    const again = await importRealNeighbours();
    assert.deepEqual([again.added, again.updated, again.unchanged], [0, 0, 153]);
  });

  test('when a council’s neighbours change, then its set is replaced and the others are left alone', async () => {
    await importRealNeighbours();
    const summary = await importNeighbours(withSunderlandChanged(), { file: 'sn_model_2026_wide.csv' });
    assert.deepEqual([summary.added, summary.updated, summary.unchanged], [0, 1, 152]);
    const set = await setOf('394');
    assert.deepEqual(
      set?.neighbours.slice(0, 2).map((n) => n.laCode),
      ['393', '807'],
    );
    assert.equal(set?.file, 'sn_model_2026_wide.csv');
    assert.equal((await setOf('301'))?.file, NEIGHBOURS_FILE);
  });

  test('when the file is malformed, then the error names line and column and nothing is stored', async () => {
    const broken = readDfeFile(NEIGHBOURS_FILE).replace(
      '302,Barnet,3,London,320,Close ',
      '302,Barnet,3,London,320,Near',
    );
    await assert.rejects(importNeighbours(broken, { file: 'broken.csv' }), (err: WorkforceFileError) => {
      assert.deepEqual([err.line, err.column], [3, 'SN_1P']);
      return true;
    });
    assert.equal(await WorkforceNeighbours.countDocuments(), 0);
  });
});
