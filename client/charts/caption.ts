// What a downloaded chart says about itself, so the PNG can be pasted into a report as it is:
// the title, whose figures and when, and where they come from. Pure: no DOM, unit-tested.
export type ChartSource = {
  council: string; // a council's name, or a group such as "the pilot arm"
  waves: string[]; // survey waves, or DfE years for a chart of DfE figures only
  survey?: boolean; // false for a chart of DfE figures only (default: the staff survey)
  dfe?: boolean; // the chart uses DfE workforce statistics
};

export type Caption = { title: string; subtitle: string; source: string };

export const DFE_SOURCE = "DfE children's social work workforce statistics";

const list = (xs: string[]) =>
  xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;

export function chartCaption(title: string, s: ChartSource): Caption {
  const when = list(s.waves);
  const subtitle = [s.council, when].filter(Boolean).join(', ');
  const parts = [
    ...(s.survey === false ? [] : [['staff survey', s.council, when].filter(Boolean).join(', ')]),
    ...(s.dfe ? [s.survey === false ? `${DFE_SOURCE} (${subtitle})` : DFE_SOURCE] : []),
  ];
  return { title, subtitle, source: `Source: ${parts.join('; ')}` };
}

// Breaks text into lines no wider than `width`, at spaces; a single word wider than the line
// stays whole on its own line (cutting it would change what it says).
export function wrapText(text: string, width: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && measure(next) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  return line ? [...lines, line] : lines;
}

// Shortens a label to at most `max` characters with an ellipsis; the full text is in the data table.
export function shorten(label: string, max: number): string {
  return label.length <= max ? label : `${label.slice(0, Math.max(1, max - 1)).trimEnd()}…`;
}

// A label on at most two lines of `max` characters, the second shortened if it must be.
export function twoLines(label: string, max: number): string | string[] {
  const lines = wrapText(label, max, (s) => s.length);
  if (lines.length <= 1) return shorten(label, max);
  const rest = lines.slice(1).join(' ');
  return [shorten(lines[0]!, max), shorten(rest, max)];
}
