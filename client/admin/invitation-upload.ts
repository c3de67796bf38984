import { ApiError } from '../api.js';
import { el, show } from '../dom.js';
import { day } from './data.js';
import { markInvalid, radioGroup, chosen, text, textAreaField, textField, type Field } from './fields.js';
import { adminForm, fieldProblem } from './forms.js';
import {
  invitationApi,
  plural,
  type CampaignInfo,
  type Lang,
  type ListProblem,
  type UploadResult,
} from './invitation-data.js';
import type { AdminContext } from './status.js';

const MAX_BYTES = 2 * 1024 * 1024; // the server's limit for one upload
const LANGS: [Lang, string][] = [
  ['en', 'English'],
  ['cy', 'Welsh (Cymraeg)'],
  ['both', 'Welsh and English, in one email'],
];

// A list from a CSV file or pasted; the whole list is refused if any row is wrong, and the
// problems are listed by line in the form's error summary.
export function uploadPanel(info: CampaignInfo, ctx: AdminContext, onUploaded: () => void): HTMLElement {
  const result = el('div');
  const file = textField('file', 'CSV file', '', 'One address per row. A header row such as “email” is fine.', {
    type: 'file',
    accept: '.csv,.txt,text/csv,text/plain',
  });
  const pasted = textAreaField(
    'pasted',
    'Pasted addresses',
    'Or paste the addresses here instead, one per line, for example copied from a spreadsheet column.',
    { rows: '6', spellcheck: 'false', autocomplete: 'off' },
  );
  const lang = radioGroup(
    'lang',
    'Language of the emails',
    LANGS,
    'en',
    'For the invitation and reminders sent to the addresses in this upload.',
  );
  const form = adminForm({
    fields: [file, pasted, lang],
    submit: 'Upload the list',
    save: async () => {
      const { csv, source } = await readList(file, pasted);
      let uploaded: UploadResult;
      try {
        uploaded = await invitationApi.upload(info.code, csv, chosen(lang) as Lang);
      } catch (err) {
        throw listProblems(err, source);
      }
      (file.inputs[0] as HTMLInputElement).value = '';
      pasted.inputs[0]!.value = '';
      show(result, resultPanel(uploaded, info));
      result.querySelector<HTMLElement>('h3')?.focus();
      ctx.done(
        `List uploaded: ${plural(uploaded.added, 'address', 'addresses')} added, ${uploaded.alreadyListed} already on the list, ${plural(uploaded.duplicates, 'repeat')} ignored.`,
      );
      onUploaded();
    },
  });
  const when =
    info.status === 'scheduled'
      ? `Each new address gets an invitation with its own single-use link when the survey opens on ${day(info.wave.opensOn)}.`
      : 'Each new address gets an invitation with its own single-use link straight away.';
  return el(
    'div',
    {},
    el(
      'p',
      {},
      `${when} Addresses already on the list are left alone, so you can upload an updated list later. If any row is not an email address, nothing is imported and each problem is listed by line.`,
    ),
    result,
    form,
  );
}

async function readList(file: Field, pasted: Field): Promise<{ csv: string; source: Field }> {
  const chosenFile = (file.inputs[0] as HTMLInputElement).files?.[0];
  const typed = text(pasted);
  if (chosenFile && typed)
    throw fieldProblem('pasted', 'must be cleared when a file is chosen: upload one or the other');
  if (!chosenFile && !typed) throw fieldProblem('file', 'is needed, or paste the addresses below');
  if (!chosenFile) return { csv: typed, source: pasted };
  if (chosenFile.size > MAX_BYTES)
    throw fieldProblem('file', 'is larger than 2 MB: split it into smaller lists and upload each one');
  return { csv: await chosenFile.text(), source: file };
}

// The server names each bad row; say them by line, after its own summary.
function listProblems(err: unknown, source: Field): unknown {
  if (!(err instanceof ApiError) || err.code !== 'invalid_list') return err;
  markInvalid(source, 'Nothing was imported: see the problems listed above.');
  const lines = (err.details ?? []) as ListProblem[];
  return new ApiError(err.status, err.code, err.message, [
    { problem: err.message },
    ...lines.map((p) => ({ problem: `Line ${p.line}: ${p.value ? `“${p.value}” ` : ''}${p.problem}.` })),
  ]);
}

function resultPanel(r: UploadResult, info: CampaignInfo): HTMLElement {
  const sending =
    info.status === 'scheduled' ? `invited when the survey opens on ${day(info.wave.opensOn)}` : 'being invited now';
  return el(
    'div',
    { class: 'created', role: 'group', 'aria-labelledby': 'upload-result-h' },
    el('h3', { id: 'upload-result-h', tabindex: '-1' }, 'List uploaded'),
    el(
      'ul',
      { class: 'counts' },
      el('li', {}, `${plural(r.added, 'new address', 'new addresses')} added, ${sending}`),
      el('li', {}, `${r.alreadyListed} already on the list, left as they were`),
      el('li', {}, `${plural(r.duplicates, 'repeated address', 'repeated addresses')} in this upload, counted once`),
    ),
  );
}
