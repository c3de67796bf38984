import { el, show } from '../dom.js';
import { campaignTable } from './campaign-table.js';
import { copyBox } from './copy.js';
import { admin, byKey, day, type AdminCampaign, type AdminCouncil, type AdminWave } from './data.js';
import { checkField, checked, selectField, text, textField } from './fields.js';
import { adminForm, wholeNumber } from './forms.js';
import { card, load, type AdminContext } from './status.js';

// Campaigns belong to a wave: pick the wave (kept in the address, #campaigns/<wave>), then see
// and change each council's campaign, or create one for a council that has none yet.
export function campaignsTab(host: HTMLElement, ctx: AdminContext, waveId?: string): void {
  void load(
    host,
    'waves and councils',
    () => Promise.all([admin.waves(), admin.councils()]),
    ([waves, councils]) => {
      if (waves.length === 0) {
        show(
          host,
          el(
            'p',
            { class: 'empty' },
            'There are no waves yet. ',
            el('a', { href: '#waves' }, 'Create a wave'),
            ' first; each council then gets a campaign in it.',
          ),
        );
        return;
      }
      const body = el('div');
      const showWave = (wave: AdminWave) =>
        load(
          body,
          'campaigns',
          () => admin.campaigns(wave.id),
          (campaigns) => drawWave(body, ctx, wave, councils, campaigns),
        );
      const current = waves.find((w) => w.id === waveId) ?? waves[waves.length - 1]!;
      const picker = selectField(
        'wave',
        'Wave',
        waves.map((w) => [w.id, `${w.name} (${day(w.opensOn)} to ${day(w.closesOn)})`]),
        current.id,
      );
      picker.inputs[0]!.addEventListener('change', () => {
        const wave = waves.find((w) => w.id === text(picker))!;
        history.replaceState(null, '', `#campaigns/${encodeURIComponent(wave.id)}`);
        void showWave(wave);
      });
      picker.row.classList.add('picker');
      show(
        host,
        el(
          'p',
          { class: 'muted' },
          'Each council taking part in a wave has one campaign, with its own respondent link.',
        ),
        picker.row,
        body,
      );
      void showWave(current);
    },
  );
}

function drawWave(
  host: HTMLElement,
  ctx: AdminContext,
  wave: AdminWave,
  councils: AdminCouncil[],
  campaigns: AdminCampaign[],
  created?: AdminCampaign,
) {
  const list = campaignTable(wave, campaigns, ctx, () =>
    el('p', { class: 'empty' }, `No campaigns in ${wave.name} yet. Create one for each council taking part, below.`),
  );
  const without = councils.filter((c) => !campaigns.some((x) => x.pilotCode === c.code));
  const panel = created ? createdPanel(created, ctx) : null;
  const content =
    councils.length === 0
      ? el(
          'p',
          { class: 'empty' },
          'There are no councils yet. ',
          el('a', { href: '#councils' }, 'Add a council'),
          ' first.',
        )
      : without.length === 0
        ? el('p', { class: 'empty' }, `Every council already has a campaign in ${wave.name}.`)
        : addForm(wave, without, ctx, (saved) => {
            const council = councils.find((c) => c.code === saved.pilotCode);
            const row = { ...saved, council: council?.name ?? null, responses: 0 };
            drawWave(host, ctx, wave, councils, [...list.items(), row].sort(byKey((c) => c.pilotCode)), row);
          });
  show(host, list.node, card(`Create a campaign in ${wave.name}`, ...(panel ? [panel] : []), content));
  panel?.querySelector<HTMLElement>('h4')?.focus();
}

function addForm(
  wave: AdminWave,
  councils: AdminCouncil[],
  ctx: AdminContext,
  onCreated: (c: AdminCampaign) => void,
): HTMLFormElement {
  const council = selectField(
    'pilotCode',
    'Council',
    councils.map((c) => [c.code, `${c.name} (${c.code})`]),
    '',
    'Only councils without a campaign in this wave are listed.',
  );
  const headcount = textField(
    'headcount',
    'Headcount',
    '',
    'Optional: staff invited to answer, for the response rate.',
    { inputmode: 'numeric', autocomplete: 'off' },
  );
  const freeText = checkField(
    'allowFreeText',
    'Allow free-text answers',
    false,
    'Free text can identify people: allow it only where the council has agreed.',
  );
  return adminForm({
    fields: [council, headcount, freeText],
    submit: 'Create campaign',
    save: async () => {
      const count = wholeNumber(headcount);
      const saved = await admin.addCampaign(wave.id, {
        pilotCode: text(council),
        ...(count === null ? {} : { headcount: count }),
        allowFreeText: checked(freeText),
      });
      onCreated(saved);
      ctx.done(`Campaign created for council ${saved.pilotCode}; its respondent link is below the table.`);
    },
  });
}

function createdPanel(c: AdminCampaign, ctx: AdminContext): HTMLElement {
  const name = c.council ? `${c.council} (${c.pilotCode})` : c.pilotCode;
  return el(
    'div',
    { class: 'created' },
    el('h4', { tabindex: '-1' }, `Campaign created for ${name}`),
    el(
      'p',
      {},
      'Send this link to the council’s staff, for example in an all-staff email. Everyone at the council uses the same link; it is also in the table above.',
    ),
    copyBox('Respondent link', c.link, ctx.done),
  );
}
