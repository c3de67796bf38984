import express, { Router } from 'express';
import { escapeHtml, htmlPage } from '../platform/http/html.js';
import { isDuplicateKey } from '../mail/outbox/store.js';
import { InvitationOptOut, inviteesOf, personKey, type InvitationLang } from './model.js';
import { findToken } from './tokens.js';

type Lang = 'en' | 'cy';
const text = {
  en: {
    title: 'Stop reminders',
    ask: 'You will still be able to take the survey with the link in your email, but we will send you no more reminders about it.',
    button: 'Stop reminders',
    doneTitle: 'Reminders stopped',
    done: 'You will get no more reminders about this survey.',
    goneTitle: 'This link has expired',
    gone: 'Email lists are deleted some weeks after a survey closes, so there is nothing more to stop.',
  },
  cy: {
    title: 'Atal nodiadau atgoffa',
    ask: "Byddwch yn dal i allu cymryd rhan yn yr arolwg gyda'r ddolen yn eich e-bost, ond ni fyddwn yn anfon rhagor o nodiadau atgoffa atoch amdano.",
    button: 'Atal nodiadau atgoffa',
    doneTitle: "Mae'r nodiadau atgoffa wedi'u hatal",
    done: 'Ni fyddwch yn cael rhagor o nodiadau atgoffa am yr arolwg hwn.',
    goneTitle: "Mae'r ddolen hon wedi dod i ben",
    gone: "Caiff rhestrau e-bost eu dileu rai wythnosau ar ôl i arolwg gau, felly does dim byd arall i'w atal.",
  },
} as const;

const languages = (lang: InvitationLang | undefined): Lang[] =>
  lang === 'cy' ? ['cy'] : lang === 'both' ? ['cy', 'en'] : ['en'];

function page(langs: Lang[], key: 'ask' | 'done' | 'gone', action?: string): string {
  const titleKey = key === 'ask' ? 'title' : key === 'done' ? 'doneTitle' : 'goneTitle';
  const body = langs
    .map(
      (l) => `<section lang="${l}">
  <h1>${escapeHtml(text[l][titleKey])}</h1>
  <p>${escapeHtml(text[l][key])}</p>
  ${action ? `<form method="post" action="${escapeHtml(action)}"><button type="submit" class="primary">${escapeHtml(text[l].button)}</button></form>` : ''}
</section>`,
    )
    .join('\n');
  return htmlPage({
    title: langs.map((l) => text[l][titleKey]).join(' / '),
    lang: langs[0],
    body: `<main id="main" class="page message">\n${body}\n</main>`,
  });
}

async function lookUp(token: string) {
  const found = await findToken(token, 'optout');
  if (!found) return null;
  const person = await inviteesOf(found.campaign).findOne({ _id: found.invitee }, { projection: { lang: 1 } });
  return person ? { ...found, lang: person.lang } : null;
}

// GET only asks: link scanners in mail systems fetch every link, and must not opt anyone out.
// POST (the button, or a mail provider's RFC 8058 one-click) records the opt-out. No cookies.
export function unsubscribePages() {
  return Router()
    .get('/unsubscribe/:token', async (req, res) => {
      res.set('Cache-Control', 'no-store');
      const found = await lookUp(String(req.params.token));
      if (!found)
        return void res
          .status(404)
          .type('html')
          .send(page(['en', 'cy'], 'gone'));
      res.type('html').send(page(languages(found.lang), 'ask', `/unsubscribe/${String(req.params.token)}`));
    })
    .post('/unsubscribe/:token', express.urlencoded({ extended: false, limit: '1kb' }), async (req, res) => {
      res.set('Cache-Control', 'no-store');
      const found = await lookUp(String(req.params.token));
      if (!found)
        return void res
          .status(404)
          .type('html')
          .send(page(['en', 'cy'], 'gone'));
      await InvitationOptOut.create({ _id: personKey(found.campaign, found.invitee), campaign: found.campaign }).catch(
        (err) => {
          if (!isDuplicateKey(err)) throw err;
        },
      );
      res.type('html').send(page(languages(found.lang), 'done'));
    });
}
