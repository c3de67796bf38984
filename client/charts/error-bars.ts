import type { Chart, Plugin } from 'chart.js';

// Draws 95% CI whiskers for datasets that carry `errorBars: ([lo, hi] | null)[]`: upright on a
// line chart, across on a horizontal bar chart (indexAxis 'y').
export const errorBars: Plugin = {
  id: 'errorBars',
  afterDatasetsDraw(chart: Chart) {
    const { ctx } = chart;
    chart.data.datasets.forEach((dataset, i) => {
      const bars = (dataset as { errorBars?: ([number, number] | null)[] }).errorBars;
      const meta = chart.getDatasetMeta(i);
      if (!bars || meta.hidden) return;
      const across = chart.options.indexAxis === 'y';
      const y = chart.scales[across ? (meta.xAxisID ?? 'x') : (meta.yAxisID ?? 'y')];
      if (!y) return;
      ctx.save();
      ctx.strokeStyle = String(dataset.borderColor ?? '#000');
      ctx.lineWidth = 1.5;
      meta.data.forEach((point, j) => {
        const ci = bars[j];
        if (!ci || (point as { skip?: boolean }).skip) return;
        const [top, bottom] = [y.getPixelForValue(ci[1]), y.getPixelForValue(ci[0])];
        ctx.beginPath();
        if (across) {
          ctx.moveTo(bottom, point.y);
          ctx.lineTo(top, point.y);
          ctx.moveTo(top, point.y - 5);
          ctx.lineTo(top, point.y + 5);
          ctx.moveTo(bottom, point.y - 5);
          ctx.lineTo(bottom, point.y + 5);
          ctx.stroke();
          return;
        }
        ctx.moveTo(point.x, top);
        ctx.lineTo(point.x, bottom);
        ctx.moveTo(point.x - 5, top);
        ctx.lineTo(point.x + 5, top);
        ctx.moveTo(point.x - 5, bottom);
        ctx.lineTo(point.x + 5, bottom);
        ctx.stroke();
      });
      ctx.restore();
    });
  },
};
