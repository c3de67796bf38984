import type { Chart } from 'chart.js';
import { chartCaption, wrapText, type ChartSource } from './caption.js';

const FONT = "'Open Sans', system-ui, sans-serif";
type Block = { font: string; size: number; colour: string; lines: string[] };

// The chart as a PNG to paste into a report: on white (a transparent PNG turns black or
// patterned in some viewers), with its title, whose figures and when above it, and the source
// below. Drawn at the chart's own pixel ratio so the text is as sharp as the chart.
export function chartPng(chart: Chart, title: string, source: ChartSource): string {
  const ratio = chart.currentDevicePixelRatio || 1;
  const pad = Math.round(16 * ratio);
  const image = chart.canvas;
  const out = document.createElement('canvas');
  out.width = image.width + 2 * pad;
  const ctx = out.getContext('2d')!;
  const caption = chartCaption(title, source);
  const block = (text: string, weight: string, size: number, colour: string): Block => {
    const font = `${weight} ${Math.round(size * ratio)}px ${FONT}`;
    ctx.font = font;
    const lines = wrapText(text, out.width - 2 * pad, (s) => ctx.measureText(s).width);
    return { font, size: Math.round(size * 1.4 * ratio), colour, lines };
  };
  const above = [block(caption.title, '700', 18, '#1d2330'), block(caption.subtitle, '400', 14, '#3d4451')];
  const below = [block(caption.source, '400', 12, '#3d4451')];
  const height = (bs: Block[]) => bs.reduce((h, b) => h + b.lines.length * b.size, 0);
  out.height = pad + height(above) + pad / 2 + image.height + pad / 2 + height(below) + pad;
  // setting the size cleared the context: paint the background, then the text and the chart
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.textBaseline = 'top';
  let y = drawBlocks(ctx, above, pad, pad);
  ctx.drawImage(image, pad, y + pad / 2);
  y += pad / 2 + image.height + pad / 2;
  drawBlocks(ctx, below, pad, y);
  return out.toDataURL('image/png');
}

function drawBlocks(ctx: CanvasRenderingContext2D, blocks: Block[], x: number, top: number): number {
  let y = top;
  for (const b of blocks) {
    ctx.font = b.font;
    ctx.fillStyle = b.colour;
    for (const line of b.lines) {
      ctx.fillText(line, x, y);
      y += b.size;
    }
  }
  return y;
}
