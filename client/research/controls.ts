import type { WaveSummary } from '../api.js';
import { el } from '../dom.js';
import type { Lang } from '../words/lang.js';
import { researchStrings } from './strings.js';

// A plain GET form: the choice lives in the URL, so it can be bookmarked and shared. The baseline
// list leaves out the wave itself (a difference-in-differences of a wave with itself is refused)
// and waves of other surveys, whose measures are not comparable.
export function controls(
  waves: WaveSummary[],
  wave: string,
  baseline: string | undefined,
  lang: Lang,
  action?: string,
): HTMLElement {
  const t = researchStrings(lang);
  const select = (id: string, label: string, value: string | undefined, options: WaveSummary[], none: boolean) => {
    const s = el(
      'select',
      { id, name: id },
      ...(none ? [el('option', { value: '' }, t.none)] : []),
      ...options.map((w) => el('option', { value: w.id }, w.name)),
    ) as HTMLSelectElement;
    s.value = value ?? '';
    return el('div', {}, el('label', { for: id }, label), s);
  };
  return el(
    'form',
    { class: 'inline-form no-print', ...(action ? { action } : {}) },
    select('wave', t.wave, wave, waves, false),
    select('baseline', t.baseline, baseline, baselinesFor(waves, wave), true),
    // the form's own GET replaces the query, so the language goes with it
    ...(lang === 'cy' ? [el('input', { type: 'hidden', name: 'lang', value: 'cy' })] : []),
    el('button', { type: 'submit', class: 'secondary' }, t.compare),
  );
}

// Closed waves only (the API refuses open ones); the latest by default, against the first.
export function chosenWaves(closed: WaveSummary[]): { wave: string; baseline: string | undefined } {
  const params = new URLSearchParams(location.search);
  const wave = closed.some((w) => w.id === params.get('wave')) ? params.get('wave')! : closed[closed.length - 1]!.id;
  const options = baselinesFor(closed, wave);
  const asked = params.has('baseline') ? params.get('baseline') || undefined : options[0]?.id;
  const baseline = asked && options.some((w) => w.id === asked) ? asked : undefined;
  return { wave, baseline };
}

export function baselinesFor(waves: WaveSummary[], wave: string): WaveSummary[] {
  const surveyId = waves.find((w) => w.id === wave)?.surveyId;
  return waves.filter((w) => w.id !== wave && w.surveyId === surveyId);
}

// Waves whose results are published: closed by date, or every campaign closed by hand.
export const closedWaves = (waves: WaveSummary[]) => {
  const today = new Date().toISOString().slice(0, 10);
  return waves.filter((w) => w.published ?? w.closesOn < today);
};
