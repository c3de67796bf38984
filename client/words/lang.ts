import type { Lang } from '../survey-text.js';

export type { Lang };

// The staff pages' language lives in the URL (?lang=cy), so it needs no cookie and survives a
// reload, a bookmark and a shared link; English is the default.
export const langOf = (search: string): Lang => (new URLSearchParams(search).get('lang') === 'cy' ? 'cy' : 'en');

// The same address in the other language; other parameters and the fragment are kept.
export function inLang(href: string, lang: Lang, base: string): string {
  const url = new URL(href, base);
  if (lang === 'cy') url.searchParams.set('lang', 'cy');
  else url.searchParams.delete('lang');
  return url.pathname + url.search + url.hash;
}

// Links to other staff pages keep the language; API links (exports, codebook) and other sites do not.
export const keepsLang = (href: string | null) => !!href && href.startsWith('/') && !href.startsWith('/api/');

export type Labelled = { label: string; labelCy?: string | undefined };
export type Titled = { title: string; titleCy?: string | undefined };

// Names from the survey metadata in the page's language. A survey without Welsh for a name falls
// back to the English one; `fellBack` then says so, for one note on the page rather than many.
export function labeller(lang: Lang) {
  let fellBack = false;
  const pick = (en: string, cy: string | undefined) => {
    if (lang === 'en') return en;
    if (cy) return cy;
    fellBack = true;
    return en;
  };
  return {
    lang,
    label: (x: Labelled) => pick(x.label, x.labelCy),
    title: (x: Titled) => pick(x.title, x.titleCy),
    fellBack: () => fellBack,
  };
}
export type Labeller = ReturnType<typeof labeller>;
