import { escapeHtml } from '../platform/http/html.js';
import { words, type MailFacts, type MailKind, type MailLang } from './words.js';

export type InvitationLinks = { survey: string; optOut: string };
export type RenderedMail = { subject: string; text: string; html: string; lang: string };

// Welsh first in a bilingual email, as the Welsh Language Standards expect.
const languagesOf = (lang: MailLang | 'both'): MailLang[] => (lang === 'both' ? ['cy', 'en'] : [lang]);

function textPart(kind: MailKind, lang: MailLang, f: MailFacts, links: InvitationLinks): string {
  const w = words[lang];
  return [
    ...w.opening(kind, f),
    `${w.action}:\n${links.survey}`,
    w.personal,
    w.closes(f),
    `${w.anonymityTitle}\n\n${w.anonymity(f).join('\n\n')}`,
    `${w.optOut} ${w.optOutAction}:\n${links.optOut}`,
  ].join('\n\n');
}

const p = (s: string) => `<p style="margin:0 0 16px">${escapeHtml(s)}</p>`;

function htmlPart(kind: MailKind, lang: MailLang, f: MailFacts, links: InvitationLinks): string {
  const w = words[lang];
  const survey = escapeHtml(links.survey);
  return `<div lang="${lang}">
${w.opening(kind, f).map(p).join('\n')}
<p style="margin:24px 0"><a href="${survey}" style="background:#00703c;color:#ffffff;padding:12px 20px;text-decoration:none;font-weight:bold;display:inline-block">${escapeHtml(w.action)}</a></p>
<p style="margin:0 0 16px;word-break:break-all"><a href="${survey}" style="color:#1d70b8">${survey}</a></p>
${p(w.personal)}
${p(w.closes(f))}
<h2 style="font-size:18px;margin:24px 0 8px">${escapeHtml(w.anonymityTitle)}</h2>
${w.anonymity(f).map(p).join('\n')}
<p style="margin:24px 0 0;font-size:14px">${escapeHtml(w.optOut)} <a href="${escapeHtml(links.optOut)}" style="color:#1d70b8">${escapeHtml(w.optOutAction)}</a></p>
</div>`;
}

export function renderInvitation(
  kind: MailKind,
  lang: MailLang | 'both',
  f: MailFacts,
  links: InvitationLinks,
): RenderedMail {
  const langs = languagesOf(lang);
  const rule = '\n\n----------------------------------------\n\n';
  return {
    subject: langs.map((l) => words[l].subject(kind, f)).join(' / '),
    text: `${langs.map((l) => textPart(kind, l, f, links)).join(rule)}\n`,
    html: `<!doctype html>
<html lang="${langs[0]}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(words[langs[0]!].subject(kind, f))}</title></head>
<body style="margin:0;padding:24px;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#0b0c0c;max-width:640px">
${langs.map((l) => htmlPart(kind, l, f, links)).join('\n<hr style="margin:32px 0;border:0;border-top:1px solid #b1b4b6">\n')}
</body>
</html>`,
    lang: langs.join(', '),
  };
}
