import { ApiError, checkInvitation, getCampaign, type PublicCampaign } from '../api.js';
import { el, show } from '../dom.js';
import { loadPending, savePending, sendUntilAcknowledged } from '../pending.js';
import { introText, longDate, text, type Lang } from '../survey-text.js';
import { loadProgress, type Progress } from '../survey/progress.js';
import { localized, runSurvey, surveyModel } from '../survey/run.js';
import { applySurveyStyles, keepForOffline } from '../survey/styles.js';

const code = decodeURIComponent(location.pathname.split('/')[2] ?? '');
const app = document.getElementById('app')!;
const status = document.getElementById('status')!;
const surveyStyles = applySurveyStyles();
let lang: Lang = 'en';
// an invitation's personal token: taken out of the address bar and history at once
const urlToken = new URLSearchParams(location.search).get('t') ?? undefined;
if (urlToken) history.replaceState(null, '', location.pathname);

async function send(answers: unknown, token: string | undefined, existing = loadPending(code)) {
  const pending = existing ?? savePending(code, answers, token);
  show(app, el('h1', {}, text[lang].sending));
  const outcome = await sendUntilAcknowledged(code, pending, (wait) => {
    status.textContent = text[lang].retrying(wait);
  });
  status.textContent = '';
  const heading = el('h1', { tabindex: '-1' }, outcome.ok ? text[lang].thanksTitle : text[lang].failedTitle);
  show(app, heading, el('p', {}, outcome.ok ? text[lang].thanks : outcome.error.message));
  heading.focus(); // announce the outcome to screen readers
}

function setLang(l: Lang) {
  lang = l;
  document.documentElement.lang = l;
}

function languageSwitch(c: PublicCampaign, onChange: () => void): HTMLElement {
  // Said plainly rather than a switch with one button, so a Welsh speaker knows why there is no Cymraeg.
  if (!c.survey.locales.includes('cy')) return el('p', { class: 'languages', lang: 'en' }, text.en.englishOnly);
  const nav = el('nav', { 'aria-label': text[lang].languageLabel, class: 'languages' });
  for (const l of ['en', 'cy'] as Lang[]) {
    if (l !== 'en' && !c.survey.locales.includes(l)) continue;
    const b = el(
      'button',
      { type: 'button', lang: l, 'aria-pressed': String(l === lang) },
      l === 'en' ? 'English' : 'Cymraeg',
    );
    b.addEventListener('click', () => {
      setLang(l);
      onChange();
    });
    nav.append(b);
  }
  return nav;
}

function intro(c: PublicCampaign, token: string | undefined) {
  const start = el('button', { type: 'button', class: 'primary' }, text[lang].start);
  // the survey's model is built while the introduction is read, so Start draws it at once
  let model: ReturnType<typeof surveyModel> | undefined;
  const prepare = setTimeout(() => (model = surveyModel(c)), 50);
  start.addEventListener('click', () => {
    clearTimeout(prepare);
    void startSurvey(c, token, undefined, model);
  });
  show(
    app,
    languageSwitch(c, () => intro(c, token)),
    el('h1', {}, localized(c.survey.title, lang)),
    el('p', { class: 'council' }, [c.campaign.council, localized(c.campaign.wave, lang)].filter(Boolean).join(' · ')),
    el(
      'section',
      { class: 'anonymity', 'aria-labelledby': 'anon-h' },
      el('h2', { id: 'anon-h' }, text[lang].anonymityTitle),
      ...introText(lang, c.reporting.minGroupSize, longDate(c.campaign.closesOn, lang)).map((p) => el('p', {}, p)),
    ),
    start,
  );
  start.focus();
}

async function startSurvey(
  c: PublicCampaign,
  token: string | undefined,
  restored?: Progress,
  model?: ReturnType<typeof surveyModel>,
) {
  status.textContent = '';
  show(app, el('h1', {}, localized(c.survey.title, lang)), el('p', { class: 'loading' }, text[lang].loadingSurvey));
  await surveyStyles;
  runSurvey(app, {
    code,
    campaign: c,
    lang,
    token,
    restored,
    model,
    onComplete: (answers) => void send(answers, token),
    onClear: () => {
      intro(c, urlToken);
      status.textContent = text[lang].cleared;
    },
  });
}

// A personal link is checked when it is opened; a refusal is shown, an unreachable server is not
// (the answers are checked again on submit).
async function invitationRefused(token: string): Promise<boolean> {
  const refused = await checkInvitation(code, token).then(
    () => null,
    (err: unknown) => err,
  );
  if (!(refused instanceof ApiError) || refused.status >= 500) return false;
  show(
    app,
    el('h1', {}, text[lang].unavailableTitle),
    el('p', {}, refused.code === 'invitation_used' ? text[lang].linkUsed : text[lang].linkUnknown),
  );
  return true;
}

async function main() {
  const pending = loadPending(code);
  if (pending) return send(pending.answers, pending.token, pending);
  try {
    const campaign = await getCampaign(code);
    keepForOffline(code, campaign);
    const progress = loadProgress(code);
    if (progress) {
      setLang(progress.lang === 'cy' && campaign.survey.locales.includes('cy') ? 'cy' : 'en');
      return startSurvey(campaign, progress.token ?? urlToken, progress);
    }
    if (urlToken) {
      if (await invitationRefused(urlToken)) return;
    } else if (campaign.campaign.requireInvitation) {
      show(app, el('h1', {}, text[lang].unavailableTitle), el('p', {}, text[lang].invitationOnly));
      return;
    }
    intro(campaign, urlToken);
  } catch (err) {
    show(app, el('h1', {}, text[lang].unavailableTitle), el('p', {}, (err as Error).message || text[lang].unavailable));
  }
}

void main();
