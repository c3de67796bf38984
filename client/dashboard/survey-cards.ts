import { el } from '../dom.js';
import type { Labeller } from '../words/lang.js';
import { proportionsCard, scalesCard } from './survey-charts.js';
import type { Overview, WaveOverview } from './types.js';
import { dashboardWords } from './words.js';

// The survey charts, read from each wave's survey metadata. Waves of different surveys are never
// on one axis: each survey gets its own charts over its own waves, and within a survey a wave
// whose measure is defined differently from the latest wave's is left off that measure's line.
export function surveyCards(o: Overview, labels: Labeller): HTMLElement[] {
  const words = dashboardWords(labels.lang);
  const surveyIds = [...new Set(o.waves.map((w) => w.survey.id))];
  const several = surveyIds.length > 1;
  return surveyIds.flatMap((surveyId) => {
    const waves = o.waves.filter((w) => w.survey.id === surveyId);
    const latest = waves[waves.length - 1]!.survey;
    const own: Overview = { ...o, waves: waves.map((w) => comparableTo(w, latest.measures)) };
    const cards = latest.cards.map((card) => {
      const id = several ? `${surveyId}-${card.id}` : card.id;
      const make = card.kind === 'scales' ? scalesCard : proportionsCard;
      return make(own, id, labels.title(card), card.ids, labels);
    });
    if (!several) return cards;
    const heading = el(
      'section',
      { class: 'survey-heading', id: `survey-${surveyId}` },
      el('h2', {}, labels.title(latest)),
      el('p', { class: 'muted' }, words.surveyWaves(waves.map((w) => w.wave.name).join(', '))),
    );
    return [heading, ...cards];
  });
}

function comparableTo(w: WaveOverview, measures: WaveOverview['survey']['measures']): WaveOverview {
  const signatureOf = new Map(measures.map((m) => [`${m.kind}:${m.id}`, m.signature]));
  const same = (kind: string, id: string) =>
    w.survey.measures.some((m) => m.kind === kind && m.id === id && m.signature === signatureOf.get(`${kind}:${id}`));
  return {
    ...w,
    scales:
      w.scales?.map((s) => (same('scale', s.id) ? s : { ...s, suppressed: true, comparable: false as const })) ?? null,
    proportions:
      w.proportions?.map((p) => (same('flag', p.id) ? p : { ...p, suppressed: true, comparable: false as const })) ??
      null,
  };
}
