import { el } from '../dom.js';

let seq = 0;

// A read-only box holding a link or password, with a Copy button. The clipboard API needs a
// secure context (HTTPS or localhost), so on a plain-HTTP intranet the text is selected instead
// for the person to copy with their keyboard.
export function copyBox(label: string, value: string, announce: (m: string) => void, hideLabel = false): HTMLElement {
  const id = `copy-${++seq}`;
  const input = el('input', {
    id,
    type: 'text',
    readonly: '',
    class: 'copy-value',
    spellcheck: 'false',
  }) as HTMLInputElement;
  input.value = value;
  const button = el(
    'button',
    { type: 'button', class: 'secondary small' },
    'Copy',
    el('span', { class: 'visually-hidden' }, ` ${label.charAt(0).toLowerCase()}${label.slice(1)}`),
  );
  button.addEventListener('click', async () => {
    try {
      if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
      await navigator.clipboard.writeText(value);
      announce(`${label} copied.`);
    } catch {
      input.focus();
      input.select();
      announce(`${label} selected: press Ctrl+C (or ⌘C on a Mac) to copy it.`);
    }
  });
  return el(
    'div',
    { class: 'copy-box' },
    el('label', { for: id, class: hideLabel ? 'visually-hidden' : '' }, label),
    input,
    button,
  );
}
