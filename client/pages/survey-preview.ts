import { Model } from 'survey-core';
import { renderSurvey } from 'survey-js-ui';
import { el, show } from '../dom.js';

// The respondent page for a definition an admin is checking, from the admin page (same tab
// session): answers go nowhere, and the page says so.
const main = document.getElementById('main')!;
const stored = sessionStorage.getItem('survey-preview');

function preview(definition: { survey: object; title?: { default?: string; cy?: string } }) {
  const english = !JSON.stringify(definition.survey).includes('"cy"');
  const host = el('div', { class: 'survey-host' });
  show(
    main,
    el('p', { class: 'notice', role: 'status' }, 'Preview: answers are not sent anywhere.'),
    el('h1', {}, definition.title?.default ?? 'Survey preview'),
    ...(english
      ? [
          el(
            'p',
            { class: 'languages' },
            'This survey is available in English only. (Mae’r arolwg hwn ar gael yn Saesneg yn unig.)',
          ),
        ]
      : []),
    host,
  );
  const survey = new Model(definition.survey);
  survey.showCompletedPage = false;
  survey.onComplete.add(() =>
    show(main, el('h1', {}, 'End of the preview'), el('p', {}, 'A respondent would now see the thank-you page.')),
  );
  renderSurvey(survey, host);
}

if (stored) preview(JSON.parse(stored) as Parameters<typeof preview>[0]);
else
  show(
    main,
    el('h1', {}, 'Nothing to preview'),
    el('p', {}, 'Check a survey on the administration page first, then choose Preview.'),
  );
