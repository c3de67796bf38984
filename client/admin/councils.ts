import { el, show } from '../dom.js';
import { admin, armName, byKey, day, type AdminCouncil, type Arm, type CouncilChange } from './data.js';
import { dateField, selectField, text, textField } from './fields.js';
import { adminForm, changed, orNull } from './forms.js';
import { card, load, type AdminContext } from './status.js';
import { editableTable, type EditableTable } from './table.js';

const ARMS: [Arm, string][] = [
  ['pilot', 'Pilot: uses the practice model'],
  ['comparison', 'Comparison'],
];
const REGION_HINT = 'Optional, e.g. North West.';
const START_HINT =
  'Optional: the day the council started using the practice model. Leave blank for comparison councils.';

export function councilsTab(host: HTMLElement, ctx: AdminContext): void {
  void load(host, 'councils', admin.councils, (councils) => draw(host, ctx, councils));
}

function draw(host: HTMLElement, ctx: AdminContext, councils: AdminCouncil[]) {
  const list = editableTable<AdminCouncil>(
    {
      caption: 'Councils in the study',
      headers: ['Code', 'Name', 'Arm', 'Region', 'Practice model from', 'Actions'],
      empty: 'No councils yet. Add the first one with the form below.',
      key: (c) => c.code,
      what: (c) => `council ${c.code}`,
      cells: (c) => [c.code, c.name, armName(c.arm), c.region ?? '–', day(c.practiceModelStart)],
      editor: (c, done) => editForm(c, done, ctx),
    },
    councils,
  );
  show(
    host,
    el(
      'p',
      { class: 'muted' },
      'Each council is identified by its DfE local authority code. The arm decides which side of the comparison its results count on.',
    ),
    list.node,
    card('Add a council', addForm(list, ctx)),
  );
}

function addForm(list: EditableTable<AdminCouncil>, ctx: AdminContext): HTMLFormElement {
  const code = textField(
    'code',
    'Council code',
    '',
    'The three-digit DfE local authority code, e.g. 855 for Leicestershire.',
    { inputmode: 'numeric', autocomplete: 'off', maxlength: '3' },
  );
  const name = textField('name', 'Name', '', undefined, { autocomplete: 'off' });
  const arm = selectField('arm', 'Arm', ARMS);
  const region = textField('region', 'Region', '', REGION_HINT);
  const start = dateField('practiceModelStart', 'Practice model start', null, START_HINT);
  const form = adminForm({
    fields: [code, name, arm, region, start],
    submit: 'Add council',
    save: async () => {
      const created = await admin.addCouncil({
        code: text(code),
        name: text(name),
        arm: text(arm) as Arm,
        ...(text(region) ? { region: text(region) } : {}),
        ...(text(start) ? { practiceModelStart: text(start) } : {}),
      });
      list.set([...list.items(), created].sort(byKey((c) => c.code)));
      form.reset();
      code.inputs[0]!.focus();
      ctx.done(`Council ${created.code}, ${created.name}, added.`);
    },
  });
  return form;
}

function editForm(c: AdminCouncil, done: (saved: AdminCouncil | null) => void, ctx: AdminContext): HTMLElement {
  const name = textField('name', 'Name', c.name);
  const arm = selectField('arm', 'Arm', ARMS, c.arm);
  const region = textField('region', 'Region', c.region ?? '', REGION_HINT);
  const start = dateField('practiceModelStart', 'Practice model start', c.practiceModelStart, START_HINT);
  return el(
    'div',
    {},
    el('h3', { class: 'edit-title' }, `Edit council ${c.code}`),
    adminForm({
      fields: [name, arm, region, start],
      submit: 'Save changes',
      layout: 'inline-form',
      cancel: () => done(null),
      save: async () => {
        const change = changed<CouncilChange>(
          {
            name: text(name),
            arm: text(arm) as Arm,
            region: orNull(text(region)),
            practiceModelStart: orNull(text(start)),
          },
          c,
        );
        if (Object.keys(change).length === 0) {
          done(null);
          ctx.done('Nothing was changed.');
          return;
        }
        done(await admin.changeCouncil(c.code, change));
        ctx.done(`Council ${c.code} saved.`);
      },
    }),
  );
}
