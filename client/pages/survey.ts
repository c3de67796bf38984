import { Model } from 'survey-core';
import 'survey-core/i18n/welsh';
import { renderSurvey } from 'survey-js-ui';
import { ApiError, checkInvitation, getCampaign, type PublicCampaign } from '../api.js';
import { el, show } from '../dom.js';
import { loadPending, savePending, sendUntilAcknowledged } from '../pending.js';
import { introText, text, type Lang } from '../survey-text.js';

const code = decodeURIComponent(location.pathname.split('/')[2] ?? '');
const app = document.getElementById('app')!;
const status = document.getElementById('status')!;
let lang: Lang = 'en';
// an invitation's personal token: taken out of the address bar and history at once
const token = new URLSearchParams(location.search).get('t') ?? undefined;
if (token) history.replaceState(null, '', location.pathname);

async function send(answers: unknown, existing = loadPending(code)) {
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

function longDate(day: string): string {
  return new Intl.DateTimeFormat(lang === 'cy' ? 'cy-GB' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${day}T12:00:00Z`),
  );
}

function titleOf(c: PublicCampaign): string {
  const t = c.survey.title;
  return typeof t === 'string' ? t : (t[lang === 'cy' ? 'cy' : 'default'] ?? t.default ?? '');
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
      lang = l;
      document.documentElement.lang = l;
      onChange();
    });
    nav.append(b);
  }
  return nav;
}

function intro(c: PublicCampaign) {
  const start = el('button', { type: 'button', class: 'primary' }, text[lang].start);
  start.addEventListener('click', () => runSurvey(c));
  show(
    app,
    languageSwitch(c, () => intro(c)),
    el('h1', {}, titleOf(c)),
    el('p', { class: 'council' }, [c.campaign.council, c.campaign.wave].filter(Boolean).join(' · ')),
    el(
      'section',
      { class: 'anonymity', 'aria-labelledby': 'anon-h' },
      el('h2', { id: 'anon-h' }, text[lang].anonymityTitle),
      ...introText(lang, c.reporting.minGroupSize, longDate(c.campaign.closesOn)).map((p) => el('p', {}, p)),
    ),
    start,
  );
  start.focus();
}

function runSurvey(c: PublicCampaign) {
  const survey = new Model(c.survey.definition);
  survey.locale = lang === 'cy' ? 'cy' : '';
  survey.showCompletedPage = false;
  survey.autoFocusFirstQuestion = true;
  survey.onComplete.add((sender) => void send(sender.data));
  const host = el('div', { class: 'survey-host' });
  show(app, host);
  renderSurvey(survey, host);
}

async function main() {
  const pending = loadPending(code);
  if (pending) return send(pending.answers, pending);
  try {
    const campaign = await getCampaign(code);
    if (token) {
      const refused = await checkInvitation(code, token).then(
        () => null,
        (err) => err,
      );
      if (refused instanceof ApiError) {
        show(
          app,
          el('h1', {}, text[lang].unavailableTitle),
          el('p', {}, refused.code === 'invitation_used' ? text[lang].linkUsed : text[lang].linkUnknown),
        );
        return;
      }
      if (refused) throw refused;
    } else if (campaign.campaign.requireInvitation) {
      show(app, el('h1', {}, text[lang].unavailableTitle), el('p', {}, text[lang].invitationOnly));
      return;
    }
    intro(campaign);
  } catch (err) {
    show(app, el('h1', {}, text[lang].unavailableTitle), el('p', {}, (err as Error).message || text[lang].unavailable));
  }
}

void main();
