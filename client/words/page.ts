import { el } from '../dom.js';
import { inLang, keepsLang, langOf, type Lang, type Labeller } from './lang.js';

// The words every staff page shares: the top menu, the language switch and the note for a
// survey without Welsh names.
export const chrome = {
  en: {
    brand: 'Staff wellbeing and retention',
    dashboard: 'Council dashboard',
    research: 'Research',
    admin: 'Administration',
    signOut: 'Sign out',
    language: 'Language',
    englishNames:
      'This survey has no Welsh names for some of its measures, so those are shown in English. (Nid yw enwau rhai o fesurau’r arolwg hwn ar gael yn Gymraeg.)',
  },
  cy: {
    brand: 'Llesiant a chadw staff',
    dashboard: 'Dangosfwrdd y cyngor',
    research: 'Ymchwil',
    admin: 'Gweinyddu',
    signOut: 'Allgofnodi',
    language: 'Iaith',
    englishNames:
      'Nid yw enwau rhai o fesurau’r arolwg hwn ar gael yn Gymraeg, felly fe’u dangosir yn Saesneg. (Some names are shown in English.)',
  },
} as const;

// Reads the page's language from its address, marks the document with it, and from then on
// gives every link to another staff page the same language.
export function startLanguage(): Lang {
  const lang = langOf(location.search);
  document.documentElement.lang = lang;
  const brand = document.querySelector('.topbar .brand');
  if (brand) brand.textContent = chrome[lang].brand;
  if (lang === 'cy') {
    const mark = (root: ParentNode) =>
      root.querySelectorAll('a[href]').forEach((a) => {
        const href = a.getAttribute('href');
        if (keepsLang(href) && !a.hasAttribute('hreflang')) a.setAttribute('href', inLang(href!, lang, location.href));
      });
    mark(document);
    new MutationObserver(() => mark(document)).observe(document.body, { childList: true, subtree: true });
  }
  return lang;
}

// English | Cymraeg: the same page in each language, each name in its own language; the
// language shown is plain bold text, the other a link.
export function languageSwitch(lang: Lang): HTMLElement {
  const link = (to: Lang, text: string) =>
    to === lang
      ? el('strong', { lang: to, 'aria-current': 'true' }, text)
      : el(
          'a',
          {
            href: inLang(location.pathname + location.search + location.hash, to, location.href),
            hreflang: to,
            lang: to,
          },
          text,
        );
  return el(
    'span',
    {
      class: 'languages no-print',
      role: 'group',
      'aria-label': `${chrome.en.language} / ${chrome.cy.language}`,
    },
    link('en', 'English'),
    ' | ',
    link('cy', 'Cymraeg'),
  );
}

// Said once, where a Welsh page had to show a survey name in English.
export const englishNamesNote = (labels: Labeller): HTMLElement | null =>
  labels.lang === 'cy' && labels.fellBack() ? el('p', { class: 'note', role: 'note' }, chrome.cy.englishNames) : null;
