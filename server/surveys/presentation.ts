import type { DashboardCard, Flag, Scale, SurveyDefinition } from './definition.js';
import { contentHash } from './loader.js';

export type ChartCard = { id: string; title: string; titleCy?: string; kind: 'scales' | 'flags'; ids: string[] };
// `signature` is the same only for the same measure of the same survey, defined the same way:
// the one condition on which two waves' figures may share an axis.
export type MeasureInfo = {
  id: string;
  kind: 'scale' | 'flag';
  label: string;
  labelCy?: string;
  range?: [number, number];
  higherIsBetter: boolean | null;
  signature: string;
};
export type SurveyPresentation = {
  key: string;
  id: string;
  version: number;
  title: string;
  titleCy?: string;
  cards: ChartCard[];
  measures: MeasureInfo[];
};

// What pages need to show a wave's results, read from its survey's metadata alone.
export function surveyPresentation(def: SurveyDefinition): SurveyPresentation {
  return {
    key: def.key,
    id: def.id,
    version: def.version,
    title: def.title.default,
    ...(def.title.cy ? { titleCy: def.title.cy } : {}),
    cards: def.dashboard ? def.dashboard.map(fromDefinition) : defaultCards(def),
    measures: [...def.scales.map((s) => scaleInfo(def, s)), ...def.flags.map((f) => flagInfo(def, f))],
  };
}

// A scale's or flag's name as the report APIs send it: the Welsh beside the English where the survey has it.
export const labelsOf = (x: { label: string; labelCy?: string | undefined }) => ({
  label: x.label,
  ...(x.labelCy ? { labelCy: x.labelCy } : {}),
});

function fromDefinition(card: DashboardCard): ChartCard {
  const titles = { title: card.title, ...(card.titleCy ? { titleCy: card.titleCy } : {}) };
  return card.scales
    ? { id: card.id, ...titles, kind: 'scales', ids: card.scales }
    : { id: card.id, ...titles, kind: 'flags', ids: card.flags ?? [] };
}

// One chart per scale range (scales on one axis must share it), then one for the flags.
function defaultCards(def: SurveyDefinition): ChartCard[] {
  const byRange = new Map<string, Scale[]>();
  for (const scale of def.scales) byRange.set(scale.range.join('_'), [...(byRange.get(scale.range.join('_')) ?? []), scale]);
  const cards: ChartCard[] = [...byRange].map(([key, scales]) => ({
    id: `scales_${key.replace('-', 'm')}`,
    title: `Scales scored ${scales[0]!.range[0]} to ${scales[0]!.range[1]}`,
    titleCy: `Graddfeydd a sgoriwyd o ${scales[0]!.range[0]} i ${scales[0]!.range[1]}`,
    kind: 'scales',
    ids: scales.map((s) => s.id),
  }));
  if (def.flags.length > 0) cards.push({ id: 'flags', title: 'Proportions of respondents', titleCy: 'Cyfrannau’r ymatebwyr', kind: 'flags', ids: def.flags.map((f) => f.id) });
  return cards;
}

const signature = (surveyId: string, measure: object) => contentHash({ surveyId, measure }).slice(0, 16);

function scaleInfo(def: SurveyDefinition, scale: Scale): MeasureInfo {
  const { label: _label, labelCy: _labelCy, higherIsBetter, ...definition } = scale;
  return { id: scale.id, kind: 'scale', ...labelsOf(scale), range: scale.range, higherIsBetter: higherIsBetter ?? null, signature: signature(def.id, definition) };
}

function flagInfo(def: SurveyDefinition, flag: Flag): MeasureInfo {
  const { label: _label, labelCy: _labelCy, higherIsBetter, ...definition } = flag;
  return { id: flag.id, kind: 'flag', ...labelsOf(flag), higherIsBetter: higherIsBetter ?? null, signature: signature(def.id, definition) };
}

// Whether two survey versions' measure `id` may be compared over time: same survey, same definition.
export function sameMeasure(a: SurveyDefinition, b: SurveyDefinition, kind: 'scale' | 'flag', id: string): boolean {
  const find = (def: SurveyDefinition) => surveyPresentation(def).measures.find((m) => m.kind === kind && m.id === id);
  const [x, y] = [find(a), find(b)];
  return !!x && !!y && x.signature === y.signature;
}
