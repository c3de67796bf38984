import { el, show } from '../dom.js';
import { admin, day, surveyTitle, type AdminSurvey, type AdminWave, type WaveChange } from './data.js';
import { dateField, selectField, text, textField } from './fields.js';
import { adminForm, changed } from './forms.js';
import { card, load, type AdminContext } from './status.js';
import { editableTable, type EditableTable } from './table.js';

const surveyKey = (id: string, version: number) => `${id}@${version}`;

export function wavesTab(host: HTMLElement, ctx: AdminContext): void {
  void load(
    host,
    'waves',
    () => Promise.all([admin.waves(), admin.surveys()]),
    ([waves, surveys]) => draw(host, ctx, waves, surveys),
  );
}

function draw(host: HTMLElement, ctx: AdminContext, waves: AdminWave[], surveys: AdminSurvey[]) {
  const names = new Map(surveys.map((s) => [surveyKey(s.id, s.version), `${surveyTitle(s)}, version ${s.version}`]));
  const list = editableTable<AdminWave>(
    {
      caption: 'Survey waves, earliest first',
      headers: ['Wave id', 'Name', 'Opens', 'Closes', 'Survey', 'Actions'],
      empty: 'No waves yet. Create the first one with the form below.',
      key: (w) => w.id,
      what: (w) => `wave ${w.name}`,
      cells: (w) => [
        w.id,
        w.name,
        day(w.opensOn),
        day(w.closesOn),
        names.get(surveyKey(w.surveyId, w.surveyVersion)) ?? `${w.surveyId}, version ${w.surveyVersion}`,
      ],
      actions: (w) => [
        el(
          'a',
          { href: `#campaigns/${encodeURIComponent(w.id)}`, class: 'small-link' },
          'Campaigns',
          el('span', { class: 'visually-hidden' }, ` in ${w.name}`),
        ),
      ],
      editor: (w, done) => editForm(w, done, ctx),
    },
    waves,
  );
  show(
    host,
    el(
      'p',
      { class: 'muted' },
      'A wave is one round of the survey: every council’s campaign in it uses the same survey version and dates. A respondent link works only between the opening and closing days (UK time).',
    ),
    list.node,
    card(
      'Create a wave',
      surveys.length
        ? addForm(list, surveys, ctx)
        : el('p', { class: 'empty' }, 'No survey versions are installed on this server, so no wave can be created.'),
    ),
  );
}

function addForm(list: EditableTable<AdminWave>, surveys: AdminSurvey[], ctx: AdminContext): HTMLFormElement {
  const id = textField(
    'id',
    'Wave id',
    '',
    'Lower-case letters, digits and hyphens, e.g. 2025-autumn. It appears in exports and cannot be changed later.',
    { autocomplete: 'off', spellcheck: 'false' },
  );
  const name = textField('name', 'Name', '', 'What staff pages show, e.g. Autumn 2025.', { autocomplete: 'off' });
  const opens = dateField('opensOn', 'Opens on', null);
  const closes = dateField('closesOn', 'Closes on', null, 'The last day responses are accepted.');
  const latest = [...surveys].sort((a, b) => b.version - a.version)[0]!;
  const survey = selectField(
    'survey',
    'Survey version',
    surveys.map((s) => [surveyKey(s.id, s.version), `${surveyTitle(s)}, version ${s.version}`]),
    surveyKey(latest.id, latest.version),
    'Fixed once the wave has responses.',
  );
  const form = adminForm({
    fields: [id, name, opens, closes, survey],
    submit: 'Create wave',
    aliases: { surveyId: 'survey', surveyVersion: 'survey' },
    save: async () => {
      const chosen = surveys.find((s) => surveyKey(s.id, s.version) === text(survey))!;
      const created = await admin.addWave({
        id: text(id),
        name: text(name),
        opensOn: text(opens),
        closesOn: text(closes),
        surveyId: chosen.id,
        surveyVersion: chosen.version,
      });
      list.set(
        [...list.items(), created].sort((a, b) => a.opensOn.localeCompare(b.opensOn) || a.id.localeCompare(b.id)),
      );
      form.reset();
      id.inputs[0]!.focus();
      ctx.done(`Wave ${created.name} created. Open its campaigns to add councils.`);
    },
  });
  return form;
}

function editForm(w: AdminWave, done: (saved: AdminWave | null) => void, ctx: AdminContext): HTMLElement {
  const name = textField('name', 'Name', w.name);
  const opens = dateField('opensOn', 'Opens on', w.opensOn);
  const closes = dateField('closesOn', 'Closes on', w.closesOn);
  return el(
    'div',
    {},
    el('h3', { class: 'edit-title' }, `Edit wave ${w.id}`),
    adminForm({
      fields: [name, opens, closes],
      submit: 'Save changes',
      layout: 'inline-form',
      cancel: () => done(null),
      save: async () => {
        const change = changed<WaveChange>({ name: text(name), opensOn: text(opens), closesOn: text(closes) }, w);
        if (Object.keys(change).length === 0) {
          done(null);
          ctx.done('Nothing was changed.');
          return;
        }
        done(await admin.changeWave(w.id, change));
        ctx.done(`Wave ${w.id} saved.`);
      },
    }),
  );
}
