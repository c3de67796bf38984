import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CLOSENESS_BANDS, parseNeighbours } from '../../../server/workforce/neighbours.js';
import { readDfeFile } from '../../helpers/workforce-files.js';

const HEADER = `old_la_code,la_name,${Array.from({ length: 3 }, (_, i) => `SN_${i + 1},SN_${i + 1}P`).join(',')}`;
const rejects = (text: string, line: number, column: string | null) =>
  assert.throws(() => parseNeighbours(text), { name: 'WorkforceFileError', line, column });

describe('parseNeighbours on sn_model_2025_wide.csv', () => {
  const sets = parseNeighbours(readDfeFile('sn_model_2025_wide.csv'));
  const find = (code: string) => sets.find((set) => set.laCode === code);

  it('when the real file is parsed past its BOM, then every council has ten ranked neighbours', () => {
    assert.equal(sets.length, 153);
    assert.equal(sets[0]?.laCode, '301');
    for (const set of sets)
      assert.deepEqual(
        set.neighbours.map((n) => n.rank),
        [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
      );
  });

  it('when a band carries a trailing space, then it is trimmed to a known band', () => {
    assert.deepEqual(find('301')?.neighbours[0], { rank: 1, laCode: '308', closeness: 'Close' });
    assert.deepEqual(find('301')?.neighbours[3], { rank: 4, laCode: '333', closeness: 'Somewhat close' });
    const bands = new Set(sets.flatMap((set) => set.neighbours.map((n) => n.closeness)));
    assert.deepEqual([...bands].sort(), [...CLOSENESS_BANDS].sort());
  });

  it('when a council name is quoted with a comma, then it is read whole', () => {
    assert.equal(find('810')?.name, 'Kingston upon Hull, City of');
    assert.deepEqual(
      find('885')
        ?.neighbours.map((n) => n.laCode)
        .slice(0, 3),
      ['933', '916', '838'],
    );
  });

  it('when councils make a joint workforce return, then the model still lists them separately', () => {
    assert.ok(find('940') && find('941'));
    assert.equal(find('940 / 941'), undefined);
  });
});

describe('parseNeighbours on malformed input', () => {
  const row = '301,Barking and Dagenham,308,Close ,821,Close ,313,Very close';

  it('when a valid row is given, then it parses', () => {
    assert.equal(parseNeighbours(`\uFEFF${HEADER}\r\n${row}\r\n`)[0]?.neighbours[2]?.closeness, 'Very close');
  });

  it('when a band column is missing, then line 1 and that column are named', () => {
    rejects(`${HEADER.replace(',SN_2P', '')}\n`, 1, 'SN_2P');
    rejects(`${HEADER.replace('old_la_code,', '')}\n`, 1, 'old_la_code');
  });

  it('when a band is not one of the five, then its line and column are named', () => {
    rejects(`${HEADER}\n${row}\n${row.replace('301', '302').replace('Very close', 'Quite close')}\n`, 3, 'SN_3P');
  });

  it('when a neighbour code is not an LA code, then its column is named', () => {
    rejects(`${HEADER}\n${row.replace('821', '')}\n`, 2, 'SN_2');
  });

  it('when a row is short or a council repeats, then the line is named', () => {
    rejects(`${HEADER}\n${row.split(',').slice(0, -1).join(',')}\n`, 2, 'SN_3P');
    rejects(`${HEADER}\n${row}\n${row}\n`, 3, 'old_la_code');
  });
});
