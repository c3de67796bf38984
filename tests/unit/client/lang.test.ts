import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { inLang, keepsLang, labeller, langOf } from '../../../client/words/lang.js';

const base = 'http://127.0.0.1/dashboard';

describe('the staff pages’ language', () => {
  test('when the address asks for cy, then the page is Welsh; anything else is English', () => {
    assert.equal(langOf('?council=855&lang=cy'), 'cy');
    assert.equal(langOf('?lang=fr'), 'en');
    assert.equal(langOf(''), 'en');
  });

  test('when a link is put in a language, then its other parameters and fragment stay', () => {
    assert.equal(inLang('/breakdown?council=855&wave=w1', 'cy', base), '/breakdown?council=855&wave=w1&lang=cy');
    assert.equal(inLang('/research?lang=cy&wave=w2#clustered', 'en', base), '/research?wave=w2#clustered');
    assert.equal(inLang('/dashboard?lang=cy', 'cy', base), '/dashboard?lang=cy');
  });

  test('when a link is an API file or leaves the site, then it does not carry the language', () => {
    assert.equal(keepsLang('/research/findings?wave=w2'), true);
    assert.equal(keepsLang('/api/v1/exports/codebook?format=md'), false);
    assert.equal(keepsLang('https://example.org/'), false);
    assert.equal(keepsLang(null), false);
  });

  test('when a Welsh page names a measure without Welsh, then the English is shown and the fallback is recorded', () => {
    const cy = labeller('cy');
    assert.equal(cy.label({ label: 'Pay', labelCy: 'Cyflog' }), 'Cyflog');
    assert.equal(cy.fellBack(), false);
    assert.equal(cy.title({ title: 'Leaving' }), 'Leaving');
    assert.equal(cy.fellBack(), true);
    const en = labeller('en');
    assert.equal(en.label({ label: 'Pay' }), 'Pay');
    assert.equal(en.fellBack(), false);
  });
});
