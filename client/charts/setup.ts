import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Title,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';
import { errorBars } from './error-bars.js';
import { fitForWidth, legendExtent } from './narrow.js';
import { followPrinting } from './print.js';

Chart.register(
  LineController,
  LineElement,
  PointElement,
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  Legend,
  Tooltip,
  Title,
  Filler,
  errorBars,
  legendExtent,
);
Chart.defaults.font.family = "'Open Sans', system-ui, sans-serif";
Chart.defaults.color = '#1d2330';
Chart.defaults.animation = false; // steadier for screen readers, print and tests
followPrinting();

// Okabe–Ito: distinguishable with the common colour-vision deficiencies; point shapes and
// dashes differ too, so nothing relies on colour alone.
export const palette = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'];
export const pointStyles = ['circle', 'rect', 'triangle', 'rectRot', 'crossRot', 'star', 'rectRounded'] as const;
export const dashes = [[], [6, 4], [2, 3], [10, 3, 2, 3], [4, 2], [1, 2], [8, 8]];

export function series(i: number) {
  return {
    borderColor: palette[i % palette.length],
    backgroundColor: palette[i % palette.length],
    pointStyle: pointStyles[i % pointStyles.length],
    borderDash: dashes[i % dashes.length],
    pointRadius: 5,
    borderWidth: 2,
    spanGaps: false,
  };
}

export function makeChart(canvas: HTMLCanvasElement, config: ChartConfiguration): Chart {
  return new Chart(canvas, fitForWidth(config));
}

export { Chart };
