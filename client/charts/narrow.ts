import {
  Chart,
  type ChartConfiguration,
  type LegendItem,
  type Plugin,
  type Scale,
  type ScriptableContext,
} from 'chart.js';
import { shorten, twoLines } from './caption.js';

// On a phone (a chart under 480 px wide) legends and axis labels get smaller boxes and type and
// long labels are shortened with an ellipsis, so nothing overlaps or is cut off; the full
// wording is in the card's data table and the canvas's text description. Every option is
// resolved from the chart's width at each update, so turning the phone or printing re-fits.
export const NARROW = 480;
type Ctx = { chart: Chart };
const narrow = (c: Ctx) => c.chart.width < NARROW;
// ~6 px a character at 11 px; room for the legend box and padding
const legendChars = (chart: Chart) => Math.max(12, Math.floor((chart.width - 40) / 6));

function legendLabels(chart: Chart): LegendItem[] {
  const items = Chart.defaults.plugins.legend.labels.generateLabels(chart);
  return chart.width < NARROW
    ? items.map((item) => ({ ...item, text: shorten(item.text, legendChars(chart)) }))
    : items;
}

function tickLabel(this: Scale, value: number | string): string | string[] {
  const label = this.getLabelForValue(Number(value));
  if (this.chart.width >= NARROW) return label;
  // under the axis: up to two short lines; beside a horizontal bar chart's bars, one line in
  // under half the width (every bar keeps its label: two lines each would not fit the height)
  if (this.isHorizontal()) return twoLines(label, 16);
  return shorten(label, Math.max(12, Math.floor((this.chart.width * 0.45) / 5.5)));
}

// Where the legend was laid out, on the canvas for anyone checking that nothing is cut off
// (the browser tests): the left and right edges of its items, in CSS pixels.
export const legendExtent: Plugin = {
  id: 'legendExtent',
  afterUpdate(chart: Chart) {
    const boxes = (chart.legend as { legendHitBoxes?: { left: number; width: number }[] } | undefined)?.legendHitBoxes;
    if (!boxes?.length) return;
    const left = Math.min(...boxes.map((b) => b.left));
    const right = Math.max(...boxes.map((b) => b.left + b.width));
    chart.canvas.dataset.legendExtent = `${Math.floor(left)} ${Math.ceil(right)}`;
  },
};

type Options = Record<string, unknown>;
const obj = (parent: Options, key: string): Options => (parent[key] ??= {}) as Options;

// Fills in what a chart's own config does not set; a config's own choice always wins.
export function fitForWidth(config: ChartConfiguration): ChartConfiguration {
  const options = ((config as { options?: Options }).options ??= {});
  const legend = obj(obj(options, 'plugins'), 'legend');
  legend.position ??= (c: Ctx) => (narrow(c) ? 'bottom' : 'top');
  legend.align ??= (c: Ctx) => (narrow(c) ? 'start' : 'center');
  const labels = obj(legend, 'labels');
  labels.boxWidth ??= (c: Ctx) => (narrow(c) ? 14 : 40);
  labels.padding ??= (c: Ctx) => (narrow(c) ? 6 : 10);
  labels.font ??= (c: Ctx) => ({ size: narrow(c) ? 11 : 12 });
  labels.generateLabels ??= legendLabels;
  const scales = obj(options, 'scales');
  const horizontal = options.indexAxis === 'y';
  for (const axis of ['x', 'y']) {
    const scale = obj(scales, axis);
    const ticks = obj(scale, 'ticks');
    ticks.font ??= (c: ScriptableContext<'line'>) => ({ size: narrow(c) ? 10 : 12 });
    const categories = (axis === 'y') === horizontal;
    if (categories && !('type' in scale && scale.type !== 'category')) ticks.callback ??= tickLabel;
    if (categories && horizontal) ticks.autoSkip ??= false;
    const title = obj(scale, 'title');
    title.font ??= (c: Ctx) => ({ size: narrow(c) ? 11 : 12 });
  }
  return config;
}
