import { Model } from 'survey-core';
import 'survey-core/i18n/welsh';
import { renderSurvey } from 'survey-js-ui';
import type { PublicCampaign } from '../api.js';
import { el, show } from '../dom.js';
import { text, type Lang } from '../survey-text.js';
import { clearProgress, saveProgress, type Progress } from './progress.js';

export type SurveyRun = {
  code: string;
  campaign: PublicCampaign;
  lang: Lang;
  token?: string;
  restored?: Progress;
  model?: Model; // made ahead, while the person reads the introduction
  onComplete: (answers: Record<string, unknown>) => void;
  onClear: () => void;
};

export const surveyModel = (campaign: PublicCampaign) => new Model(campaign.survey.definition);

export function localized(value: Record<string, string> | string, lang: Lang): string {
  return typeof value === 'string' ? value : (value[lang === 'cy' ? 'cy' : 'default'] ?? value.default ?? '');
}

// The survey itself, under our own h1 (SurveyJS's title would be an h3 with none above it). Every
// change is kept on this device at once; nothing goes to the server before Complete.
export function runSurvey(app: HTMLElement, run: SurveyRun): void {
  const { code, campaign, lang, token } = run;
  const survey = run.model ?? surveyModel(campaign);
  survey.locale = lang === 'cy' ? 'cy' : '';
  survey.showTitle = false;
  survey.showCompletedPage = false;
  survey.showProgressBar = true;
  survey.progressBarLocation = 'top';
  survey.autoFocusFirstQuestion = true;
  if (run.restored) {
    survey.data = run.restored.answers;
    survey.currentPageNo = Math.min(run.restored.page, survey.visiblePageCount - 1);
  }
  const keep = () =>
    saveProgress(code, { answers: survey.data, page: survey.currentPageNo, lang, ...(token ? { token } : {}) });
  survey.onValueChanged.add(keep);
  survey.onCurrentPageChanged.add(keep);
  survey.onComplete.add((sender) => {
    run.onComplete(sender.data); // stores the answers as pending first: they are never in neither place
    clearProgress(code);
  });

  const clear = el('button', { type: 'button', class: 'clear-answers' }, text[lang].clearAnswers);
  clear.addEventListener('click', () => {
    clearProgress(code);
    run.onClear();
  });
  const host = el('div', { class: 'survey-host' });
  show(
    app,
    el('h1', { class: 'survey-title' }, localized(campaign.survey.title, lang)),
    ...(run.restored ? [el('p', { class: 'restored' }, text[lang].restored)] : []),
    host,
    el('div', { class: 'device-answers' }, clear),
  );
  renderSurvey(survey, host);
}
