import { reachesMinimum } from '../../disclosure/suppression.js';
import { escapeHtml } from '../../platform/http/html.js';

// The weekly progress email to an HR lead: for each of their councils' open campaigns, how many
// have responded. Pure. `n` is the count the dashboard publishes for an open campaign
// (disclosure/progress.ts: up to yesterday, in steps of at least the minimum), so two digests,
// or a digest and the dashboard, never differ by fewer than the minimum. Below the minimum (0
// included: none and a few look the same) it says only "fewer than N".
export type DigestCampaign = { wave: string; n: number; headcount?: number | null; closesOn?: string };
export type DigestCouncil = { code: string; name: string; campaigns: DigestCampaign[] };
export type DigestInput = { email: string; councils: DigestCouncil[] };
export type Digest = { to: string; subject: string; text: string; html: string };

const longDate = (day: string) =>
  new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`));

export function progressLine(c: DigestCampaign, minGroupSize: number): string {
  if (!reachesMinimum(c.n, minGroupSize))
    return `fewer than ${minGroupSize} responses by yesterday${c.headcount ? ` (${c.headcount} staff)` : ''}`;
  if (!c.headcount) return `${c.n} responses by yesterday`;
  const rate = Math.min(100, Math.round((100 * c.n) / c.headcount));
  return `${c.n} responses by yesterday from ${c.headcount} staff (${rate}%)`;
}

export function buildDigest(
  input: DigestInput,
  opts: { minGroupSize: number; weekOf: string; dashboardUrl?: string },
): Digest | null {
  const councils = input.councils.filter((c) => c.campaigns.length > 0);
  if (councils.length === 0) return null; // nothing open: no email
  const min = opts.minGroupSize;
  const rows = councils.map((council) => ({
    heading: `${council.name} (${council.code})`,
    lines: council.campaigns.map(
      (c) => `${c.wave}${c.closesOn ? `, closes ${longDate(c.closesOn)}` : ''}: ${progressLine(c, min)}`,
    ),
  }));
  const footnote = `To protect anonymity, counts run to the end of yesterday, move in steps of at least ${min}, and counts below ${min} are not shown.`;
  const subject = `Survey progress, week of ${longDate(opts.weekOf)}`;
  const text = [
    'Hello,',
    'Response progress for the open staff surveys of your councils:',
    ...rows.map((r) => `${r.heading}\n${r.lines.map((l) => `  - ${l}`).join('\n')}`),
    footnote,
    ...(opts.dashboardUrl ? [`Full results: ${opts.dashboardUrl}`] : []),
  ].join('\n\n');
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:24px;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#0b0c0c;max-width:640px">
<p>Hello,</p>
<p>Response progress for the open staff surveys of your councils:</p>
${rows.map((r) => `<h2 style="font-size:18px;margin:24px 0 8px">${escapeHtml(r.heading)}</h2>\n<ul>${r.lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`).join('\n')}
<p style="font-size:14px">${escapeHtml(footnote)}</p>
${opts.dashboardUrl ? `<p><a href="${escapeHtml(opts.dashboardUrl)}" style="color:#1d70b8">Full results</a></p>` : ''}
</body></html>`;
  return { to: input.email, subject, text: `${text}\n`, html };
}
