const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => escapes[c]!);

type Page = { title: string; body: string; script?: string; styles?: string[]; lang?: string };

// Every page: our own CSS and one bundled script, nothing inline (the CSP forbids it).
export function htmlPage({ title, body, script, styles = [], lang = 'en' }: Page): string {
  const css = ['fonts.css', ...styles, 'app.css']
    .map((f) => `<link rel="stylesheet" href="/static/css/${f}">`)
    .join('\n  ');
  const js = script ? `<script type="module" src="/static/js/${script}.js"></script>` : '';
  return `<!doctype html>
<html lang="${lang}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="referrer" content="no-referrer">
  <title>${escapeHtml(title)}</title>
  ${css}
  ${js}
</head>
<body>
${body}
</body>
</html>`;
}

export function messagePage(title: string, message: string): string {
  return htmlPage({
    title,
    body: `<main class="page message"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p></main>`,
  });
}
