import { el, show } from '../dom.js';
import { admin, byKey, roleName, type AdminCouncil, type AdminUser } from './data.js';
import { act, card, load, type AdminContext } from './status.js';
import { editableTable, rowButton, type EditableTable } from './table.js';
import { addUserForm, editUserForm, passwordPanel } from './user-forms.js';

export function usersTab(host: HTMLElement, ctx: AdminContext): void {
  void load(
    host,
    'accounts',
    () => Promise.all([admin.users(), admin.councils()]),
    ([users, councils]) => draw(host, ctx, users, councils),
  );
}

function draw(host: HTMLElement, ctx: AdminContext, users: AdminUser[], councils: AdminCouncil[]) {
  const names = new Map(councils.map((c) => [c.code, `${c.name} (${c.code})`]));
  const isMe = (u: AdminUser) => u.email === ctx.me.email;
  const slot = el('div');
  // the one-time password goes at the top, where it cannot be missed, and takes focus
  const reveal = (email: string, password: string, afterwards: () => void) => {
    show(slot, passwordPanel(email, password, ctx, afterwards));
    slot.querySelector<HTMLElement>('h3')?.focus();
  };
  const list = editableTable<AdminUser>(
    {
      caption: 'Staff accounts',
      headers: ['Email', 'Role', 'Councils', 'Status', 'Actions'],
      empty: 'There are no accounts.',
      key: (u) => u.email,
      what: (u) => `for ${u.email}`,
      editWord: 'Change access',
      canEdit: (u) => !isMe(u),
      cells: (u) => [
        isMe(u) ? `${u.email} (you)` : u.email,
        roleName(u.role),
        u.role === 'hr_lead' ? u.pilots.map((p) => names.get(p) ?? p).join(', ') : 'All councils',
        u.disabled ? 'Disabled' : 'Active',
      ],
      actions: (u, table) =>
        isMe(u)
          ? [el('span', { class: 'muted' }, 'Your own account: another administrator can change it.')]
          : rowActions(u, table, ctx, reveal),
      editor: (u, done) => editUserForm(u, councils, ctx, done),
    },
    users,
  );
  const form = addUserForm(councils, ctx, (saved) => {
    list.set([...list.items(), saved.user].sort(byKey((u) => u.email)));
    if (saved.password) reveal(saved.user.email, saved.password, () => form.querySelector('input')?.focus());
  });
  show(
    host,
    el(
      'p',
      { class: 'muted' },
      'Staff who sign in to see dashboards or manage the study. Survey respondents never have accounts.',
    ),
    slot,
    list.node,
    card('Create an account', form),
  );
}

type Reveal = (email: string, password: string, afterwards: () => void) => void;

function rowActions(u: AdminUser, list: EditableTable<AdminUser>, ctx: AdminContext, reveal: Reveal): HTMLElement[] {
  const who = `for ${u.email}`;
  const reset = rowButton(
    'Reset password',
    who,
    `reset:${u.email}`,
    (b) =>
      void act(
        ctx,
        b,
        async () => {
          const saved = await admin.changeUser(u.email, { resetPassword: true });
          reveal(u.email, saved.password ?? '', () => list.focus(`reset:${u.email}`));
          return `New password made for ${u.email}. They have been signed out everywhere.`;
        },
        `Make a new password for ${u.email}? Their current password stops working and they are signed out.`,
      ),
  );
  const toggle = u.disabled
    ? rowButton(
        'Enable',
        who,
        `enable:${u.email}`,
        (b) =>
          void act(ctx, b, async () => {
            list.replace((await admin.changeUser(u.email, { disabled: false })).user, `disable:${u.email}`);
            return `${u.email} can sign in again.`;
          }),
      )
    : rowButton(
        'Disable',
        who,
        `disable:${u.email}`,
        (b) =>
          void act(
            ctx,
            b,
            async () => {
              list.replace((await admin.changeUser(u.email, { disabled: true })).user, `enable:${u.email}`);
              return `${u.email} is disabled and has been signed out.`;
            },
            `Disable the account for ${u.email}? They are signed out at once and cannot sign in until it is enabled again.`,
          ),
      );
  const remove = rowButton(
    'Delete',
    who,
    `delete:${u.email}`,
    (b) =>
      void act(
        ctx,
        b,
        async () => {
          await admin.deleteUser(u.email);
          list.set(list.items().filter((x) => x.email !== u.email));
          ctx.focusTitle();
          return `The account for ${u.email} is deleted.`;
        },
        `Delete the account for ${u.email}? This cannot be undone.`,
      ),
    'danger',
  );
  return [reset, toggle, remove];
}
