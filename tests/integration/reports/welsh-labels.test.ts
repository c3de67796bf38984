import { beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useTestApp } from '../../helpers/app.js';
import { buildResearchData } from '../../helpers/research-data.js';

const { staff } = useTestApp(import.meta.url);

type Labelled = { id: string; label: string; labelCy?: string };
const welshOf = (list: Labelled[] | undefined, id: string) => list?.find((x) => x.id === id)?.labelCy;

// The staff pages show each scale's and flag's name in the page's language, so every report API
// that names one sends the survey's Welsh beside the English.
describe('Welsh labels in the report APIs', () => {
  beforeEach(async () => {
    await buildResearchData();
  });

  test('when a researcher reads a council overview and summary, then scales, flags, charts and bands carry their Welsh', async () => {
    const agent = await staff({ role: 'researcher' });
    const overview = (await agent.get('/api/v1/pilots/935/overview').expect(200)).body;
    const wave = overview.waves[0];
    assert.equal(welshOf(wave.scales, 'ons_anxiety'), 'Gorbryder ddoe (SYG)');
    assert.match(welshOf(wave.proportions, 'intends_to_leave_12m') ?? '', /^Tebygol neu debygol iawn/);
    assert.equal(wave.survey.titleCy, 'Llesiant a chadw staff');
    assert.equal(wave.survey.cards[0].titleCy, 'Boddhad â’r swydd (1 i 5)');
    assert.equal(welshOf(wave.survey.measures, 'js_pay'), 'Boddhad: Cyflog');
    const role = wave.survey.demographics.find((d: { question: string }) => d.question === 'demo_role');
    assert.equal(role.labelCy, "Pa un sy'n disgrifio eich rôl orau?");
    assert.equal(role.bands.at(-1).labelCy, 'Heb ateb');
    const summary = (await agent.get('/api/v1/pilots/935/summary?wave=w2').expect(200)).body;
    assert.equal(welshOf(summary.scales, 'js_overall'), 'Boddhad cyffredinol â’r swydd');
    const band = summary.breakdowns[0].bands.find((b: { suppressed: boolean }) => !b.suppressed);
    assert.equal(welshOf(band.proportions, 'actively_looking'), 'Wrthi’n chwilio am swydd arall');
  });

  test('when a researcher reads the comparisons and both driver analyses, then each measure and driver carries its Welsh', async () => {
    const agent = await staff({ role: 'researcher' });
    const c = (await agent.get('/api/v1/comparisons?wave=w2&baseline=w1').expect(200)).body;
    assert.equal(welshOf(c.scales, 'ons_happiness'), 'Hapusrwydd ddoe (SYG)');
    assert.match(welshOf(c.proportions, 'caseload_over_20') ?? '', /^Deiliaid achosion/);
    for (const url of ['/api/v1/pilots/935/drivers?wave=w2', '/api/v1/drivers?wave=w2']) {
      const body = (await agent.get(url).expect(200)).body;
      const outcomes: (Labelled & { shown: boolean; drivers?: Labelled[] })[] = body.outcomes ?? body.arms[0].outcomes;
      assert.match(welshOf(outcomes, 'intends_to_leave_12m') ?? '', /^Tebygol/, url);
      const shown = outcomes.find((o) => o.shown);
      if (shown) assert.equal(welshOf(shown.drivers, 'js_workload'), 'Boddhad: Llwyth gwaith', url);
    }
  });
});
