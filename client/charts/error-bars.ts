import type { Chart, Plugin } from 'chart.js';

// Draws 95% CI whiskers for line datasets that carry `errorBars: ([lo, hi] | null)[]`.
export const errorBars: Plugin = {
  id: 'errorBars',
  afterDatasetsDraw(chart: Chart) {
    const { ctx } = chart;
    chart.data.datasets.forEach((dataset, i) => {
      const bars = (dataset as { errorBars?: ([number, number] | null)[] }).errorBars;
      const meta = chart.getDatasetMeta(i);
      if (!bars || meta.hidden) return;
      const y = chart.scales[meta.yAxisID ?? 'y'];
      if (!y) return;
      ctx.save();
      ctx.strokeStyle = String(dataset.borderColor ?? '#000');
      ctx.lineWidth = 1.5;
      meta.data.forEach((point, j) => {
        const ci = bars[j];
        if (!ci || (point as { skip?: boolean }).skip) return;
        const [top, bottom] = [y.getPixelForValue(ci[1]), y.getPixelForValue(ci[0])];
        ctx.beginPath();
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
