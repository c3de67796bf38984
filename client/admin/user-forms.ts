import { el } from '../dom.js';
import { copyBox } from './copy.js';
import {
  admin,
  roleName,
  type AdminCouncil,
  type AdminUser,
  type Role,
  type SavedUser,
  type UserChange,
} from './data.js';
import { checkGroup, picked, selectField, text, textField, type Field } from './fields.js';
import { adminForm } from './forms.js';
import type { AdminContext } from './status.js';

const ROLES: [Role, string][] = (['hr_lead', 'researcher', 'admin'] as const).map((r) => [r, roleName(r)]);
const ROLE_HINT =
  'HR leads see only their councils’ dashboards. Researchers see every council and the exports. Administrators also manage the study and accounts.';

// Role and councils go together: the councils are asked for only when the role is HR lead.
function roleAndCouncils(councils: AdminCouncil[], role: Role, pilots: string[]): { role: Field; pilots: Field } {
  const roleField = selectField('role', 'Role', ROLES, role, ROLE_HINT);
  const pilotsField = checkGroup(
    'pilots',
    'Councils',
    councils.map((c) => [c.code, `${c.name} (${c.code})`]),
    pilots,
    'The councils this HR lead can see. Choose at least one.',
  );
  const sync = () => {
    pilotsField.row.hidden = text(roleField) !== 'hr_lead';
  };
  roleField.inputs[0]!.addEventListener('change', sync);
  sync();
  return { role: roleField, pilots: pilotsField };
}

export function addUserForm(
  councils: AdminCouncil[],
  ctx: AdminContext,
  onSaved: (saved: SavedUser) => void,
): HTMLFormElement {
  const email = textField('email', 'Email address', '', 'They sign in with this address.', {
    type: 'email',
    autocomplete: 'off',
    spellcheck: 'false',
  });
  const scope = roleAndCouncils(councils, 'hr_lead', []);
  const form = adminForm({
    fields: [email, scope.role, scope.pilots],
    submit: 'Create account',
    save: async () => {
      const role = text(scope.role) as Role;
      const pilots = role === 'hr_lead' ? picked(scope.pilots) : [];
      const saved = await admin.addUser({ email: text(email), role, pilots });
      form.reset();
      scope.role.inputs[0]!.dispatchEvent(new Event('change'));
      onSaved(saved);
      ctx.done(`Account created for ${saved.user.email}.`);
    },
  });
  return form;
}

export function editUserForm(
  u: AdminUser,
  councils: AdminCouncil[],
  ctx: AdminContext,
  done: (saved: AdminUser | null) => void,
): HTMLElement {
  const scope = roleAndCouncils(councils, u.role, u.pilots);
  return el(
    'div',
    {},
    el('h3', { class: 'edit-title' }, `Change access for ${u.email}`),
    adminForm({
      fields: [scope.role, scope.pilots],
      submit: 'Save changes',
      layout: 'inline-form',
      cancel: () => done(null),
      save: async () => {
        const role = text(scope.role) as Role;
        const pilots = picked(scope.pilots).sort();
        const change: UserChange = {};
        if (role !== u.role) change.role = role;
        // councils only matter for an HR lead; leaving that role drops them on the server
        if (role === 'hr_lead' && pilots.join() !== [...u.pilots].sort().join()) change.pilots = pilots;
        if (Object.keys(change).length === 0) {
          done(null);
          ctx.done('Nothing was changed.');
          return;
        }
        done((await admin.changeUser(u.email, change)).user);
        ctx.done(`Access for ${u.email} saved.`);
      },
    }),
  );
}

// A generated password is in this one answer only; it is not stored in clear anywhere.
export function passwordPanel(email: string, password: string, ctx: AdminContext, onDone: () => void): HTMLElement {
  const title = el('h3', { tabindex: '-1' }, `Copy the password for ${email} now`);
  const dismiss = el('button', { type: 'button', class: 'secondary' }, 'I have copied it');
  const panel = el(
    'section',
    { class: 'card one-time', 'aria-labelledby': 'one-time-title' },
    title,
    el(
      'p',
      {},
      'This password is shown only once. After you leave this page it cannot be shown again: if it is lost, reset the password. Give it to the person by a different route from their email address, for example by phone.',
    ),
    copyBox('Password', password, ctx.done),
    el('div', { class: 'actions' }, dismiss),
  );
  title.id = 'one-time-title';
  dismiss.addEventListener('click', () => {
    panel.remove();
    onDone();
  });
  return panel;
}
