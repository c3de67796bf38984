import { getOverview, type StaffUser } from '../api.js';
import { day } from '../admin/data.js';
import { messageFor } from '../admin/forms.js';
import { invitationApi, type CampaignInfo, type InvitationStatus } from '../admin/invitation-data.js';
import { remindersPanel } from '../admin/invitation-reminders.js';
import { anonymitySection, deletePanel, panel, statusContent } from '../admin/invitation-status.js';
import { uploadPanel } from '../admin/invitation-upload.js';
import { load, type AdminContext } from '../admin/status.js';
import { el, show } from '../dom.js';
import { homeFor, startStaffPage } from '../staff.js';

// Email invitations for one campaign (/invitations?council=<code>&campaign=<code>), for admins
// and the council's HR leads. The council's overview names the wave and its dates; the
// invitations API says what is listed and sent, and refuses anyone else.
const main = document.getElementById('main')!;

type OverviewRow = { wave: CampaignInfo['wave']; status: CampaignInfo['status']; campaign?: string };
type Overview = { council: { code: string; name: string }; waves: OverviewRow[] };

const statusText = (info: CampaignInfo) =>
  info.status === 'scheduled'
    ? `Scheduled: opens ${day(info.wave.opensOn)}`
    : info.status === 'open'
      ? `Open until ${day(info.wave.closesOn)}`
      : 'Closed';

function refuse(me: StaffUser, message: string) {
  show(
    main,
    el('h1', {}, 'Email invitations'),
    el('p', { role: 'alert' }, message),
    el('p', {}, el('a', { href: homeFor(me) }, 'Go to your start page')),
  );
}

async function campaignInfo(council: string, campaign: string): Promise<CampaignInfo | string> {
  const overview = await getOverview<Overview>(council);
  const row = overview.waves.find((w) => w.campaign === campaign);
  if (!row)
    return `This address names a campaign that is not one of ${overview.council.name}’s. Open email invitations from the council dashboard.`;
  return { code: campaign, council: overview.council, wave: row.wave, status: row.status };
}

function draw(me: StaffUser, info: CampaignInfo, first: InvitationStatus) {
  const where = `${info.council.name}, ${info.wave.name}`;
  document.title = `Email invitations: ${where}`;
  const status = el('div', { class: 'notice', role: 'status' });
  const alert = el('div', { class: 'notice error', role: 'alert' });
  const ctx: AdminContext = {
    me,
    done: (message) => {
      alert.textContent = '';
      status.textContent = message;
    },
    failed: (message) => {
      status.textContent = '';
      alert.textContent = message;
    },
    focusTitle: () => document.getElementById('invitation-status-h')?.focus(),
  };
  const statusBody = el('div');
  const remindersBody = el('div');
  const deleteHost = el('div');
  const render = (s: InvitationStatus, withReminders: boolean) => {
    show(statusBody, ...statusContent(s, info, ctx, (focus) => void reload(focus, false)));
    show(
      deleteHost,
      ...[deletePanel(info, s, ctx, () => void reload(true, true))].filter((p): p is HTMLElement => p !== null),
    );
    if (withReminders) show(remindersBody, remindersPanel(info, s, ctx));
  };
  const reload = (focus = false, withReminders = false) =>
    load(
      statusBody,
      'invitation status',
      () => invitationApi.status(info.code),
      (s) => {
        render(s, withReminders);
        if (focus) ctx.focusTitle();
      },
    );
  const links = [
    el(
      'a',
      { href: `/dashboard?council=${encodeURIComponent(info.council.code)}` },
      `Dashboard for ${info.council.name}`,
    ),
  ];
  if (me.role === 'admin')
    links.push(
      el('a', { href: `/admin#campaigns/${encodeURIComponent(info.wave.id)}` }, `Campaigns in ${info.wave.name}`),
    );
  show(
    main,
    el('h1', {}, 'Email invitations'),
    el(
      'p',
      { class: 'council' },
      `${info.council.name} (${info.council.code}) · ${info.wave.name} · `,
      el('span', { class: `badge ${info.status}` }, statusText(info)),
    ),
    el('nav', { class: 'back-links', 'aria-label': 'Related pages' }, ...links),
    status,
    alert,
    anonymitySection(first.anonymity),
    panel('invitation-status', 'Invitation status', statusBody),
    panel(
      'upload',
      'Upload staff email addresses',
      info.status === 'closed'
        ? el('p', { class: 'empty' }, 'This survey has closed, so its email list can no longer change.')
        : uploadPanel(info, ctx, () => void reload()),
    ),
    panel('reminders', 'Reminder dates', remindersBody),
    deleteHost,
  );
  render(first, true);
}

async function start() {
  try {
    const me = await startStaffPage();
    if (!me) return;
    const asked = new URLSearchParams(location.search);
    const council = asked.get('council') ?? '';
    const campaign = asked.get('campaign') ?? '';
    if (!council || !campaign) {
      refuse(
        me,
        'This address does not say which campaign. Open email invitations from the council dashboard, or from the campaigns table in Administration.',
      );
      return;
    }
    // the invitations API decides who may see this campaign: ask it first, and show its refusal
    const [status, info] = await Promise.allSettled([invitationApi.status(campaign), campaignInfo(council, campaign)]);
    if (status.status === 'rejected') return refuse(me, messageFor(status.reason));
    if (info.status === 'rejected') return refuse(me, messageFor(info.reason));
    if (typeof info.value === 'string') return refuse(me, info.value);
    draw(me, info.value, status.value);
  } catch (err) {
    show(
      main,
      el('h1', {}, 'Something went wrong'),
      el('p', { role: 'alert' }, `The invitations page could not be loaded. ${messageFor(err)}`),
    );
  }
}

void start();
