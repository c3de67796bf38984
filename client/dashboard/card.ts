import type { ChartConfiguration } from 'chart.js';
import { chartCaption, type ChartSource } from '../charts/caption.js';
import { chartPng } from '../charts/png.js';
import { makeChart } from '../charts/setup.js';
import { el } from '../dom.js';

export type Table = { caption: string; headers: string[]; rows: (string | number)[][] };

export type { ChartSource };

// One chart with what makes it usable by everyone: a text description, the same numbers as a
// table, notes on anything suppressed, and a PNG download that says what it shows, whose
// figures, when and from where (`source`), so it can go into a report as it is.
export function chartCard(opts: {
  id: string;
  title: string;
  description: string;
  config: ChartConfiguration;
  table: Table;
  source: ChartSource;
  notes?: string[];
}): HTMLElement {
  const canvas = el('canvas', {
    role: 'img',
    'aria-label': `${opts.title}. ${opts.description} The data are in the table below.`,
  }) as HTMLCanvasElement;
  const download = el('button', { type: 'button', class: 'secondary no-print' }, 'Download PNG');
  const card = el(
    'section',
    { class: 'card', id: opts.id, 'aria-labelledby': `${opts.id}-h` },
    el('h2', { id: `${opts.id}-h` }, opts.title),
    el('p', { class: 'muted' }, opts.description),
    el('div', { class: 'chart-box' }, canvas),
    el('p', { class: 'chart-source' }, chartCaption(opts.title, opts.source).source),
    ...(opts.notes ?? []).map((n) => el('p', { class: 'note' }, n)),
    el('div', { class: 'card-actions' }, download),
    dataTable(opts.table),
  );
  queueMicrotask(() => {
    const chart = makeChart(canvas, opts.config);
    download.addEventListener('click', () => {
      const a = el('a', { href: chartPng(chart, opts.title, opts.source), download: `${opts.id}.png` });
      a.click();
    });
  });
  return card;
}

function dataTable(t: Table): HTMLElement {
  const table = el(
    'table',
    {},
    el('caption', {}, t.caption),
    el('thead', {}, el('tr', {}, ...t.headers.map((h) => el('th', { scope: 'col' }, h)))),
    el(
      'tbody',
      {},
      ...t.rows.map((r) =>
        el('tr', {}, ...r.map((c, i) => el(i === 0 ? 'th' : 'td', i === 0 ? { scope: 'row' } : {}, String(c)))),
      ),
    ),
  );
  return el(
    'details',
    { class: 'data-table' },
    el('summary', {}, 'Data table'),
    el('div', { class: 'table-scroll' }, table),
  );
}
