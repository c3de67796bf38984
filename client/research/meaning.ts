import type { Labeller } from '../words/lang.js';
import type { Kind, Measure } from './types.js';
import { direction, verdict, verdictText, withUnit } from './words.js';

// What a clustered DiD (or, with one wave, arm difference) means, in a sentence for a reader.
export function meaning(m: Measure, kind: Kind, twoWaves: boolean, labels: Labeller): string {
  const e = twoWaves ? m.clustered.differenceInDifferences : m.clustered.difference;
  const [pilots, comparisons] = [m.councils.pilot.length, m.councils.comparison.length];
  const perArm = Math.min(pilots, comparisons);
  const mde = m.clustered.minimumDetectableEffect;
  const mdeText = mde !== null ? withUnit(mde, kind, labels, false) : '';
  const v = e ? verdict(e, m) : 'none';
  const dir = m.higherIsBetter === null ? '' : ` (${direction(m, labels)})`;
  if (labels.lang === 'cy') {
    if (!e)
      return `Heb ei amcangyfrif: mae cymhariaeth glystyredig angen o leiaf 2 gyngor ym mhob cangen ag atebion digonol (yma ${perArm}).`;
    const what = twoWaves
      ? 'y newid yn y gangen beilot o’i gymharu â’r gangen gymharu'
      : 'y gangen beilot o’i chymharu â’r gangen gymharu';
    const detect =
      mde !== null
        ? ` Gyda ${pilots} cyngor peilot a ${comparisons} cyngor cymharu, gall y gymhariaeth hon ganfod gwahaniaeth o tua ${mdeText} (pŵer 80%, 5% dwyochrog).`
        : '';
    const head =
      v === 'none'
        ? `Dim tystiolaeth o wahaniaeth yn ${what}: mae’r cyfwng 95% yn cynnwys 0.`
        : `Tystiolaeth fod ${what} ${verdictText(v, labels)}${dir}: nid yw’r cyfwng 95% yn cynnwys 0.`;
    return head + detect;
  }
  if (!e)
    return `Not estimated: a clustered comparison needs at least 2 councils in each arm with enough answers (here ${perArm}).`;
  const what = twoWaves
    ? 'the change in the pilot arm relative to the comparison arm'
    : 'the pilot arm compared with the comparison arm';
  const detect =
    mde !== null
      ? ` With ${pilots} pilot and ${comparisons} comparison councils, this comparison can detect a difference of about ${mdeText} (80% power, 5% two-sided).`
      : '';
  const head =
    v === 'none'
      ? `No evidence of a difference in ${what}: the 95% interval includes 0.`
      : `Evidence that ${what} ${verdictText(v, labels)}${dir}: the 95% interval excludes 0.`;
  return head + detect;
}
