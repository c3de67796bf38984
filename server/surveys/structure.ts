import { isForbiddenKey, isSafeKey, pathSegment, type Report } from './definition.js';
import { SUPPORTED_TYPES } from './questions.js';

type Json = Record<string, unknown>;
export interface ElementAt {
  path: string;
  element: Json;
}

// Things the browser would act on but the server validator does not understand: refuse them at
// load time rather than let the browser and the server disagree about what is a valid answer.
const UNSUPPORTED_ON_SURVEY = ['triggers', 'calculatedValues', 'clearInvisibleValues', 'storeOthersAsComment', 'commentSuffix'];
// Question visibility is evaluated per question; a hidden page or panel would hide required questions.
const UNSUPPORTED_ON_CONTAINER = ['visible', 'visibleIf', 'enableIf', 'requiredIf', 'readOnly'];
const UNSUPPORTED_ON_QUESTION = [
  'valueName', 'requiredIf', 'enableIf', 'validators', 'showOtherItem', 'showCommentArea', 'choicesByUrl',
  'choicesFromQuestion', 'choicesVisibleIf', 'choicesEnableIf', 'rowsVisibleIf', 'columnsVisibleIf',
  'setValueIf', 'setValueExpression', 'resetValueIf', 'defaultValueExpression', 'eachRowUnique', 'minSelectedChoices',
  'maxSelectedChoices',
];
const ITEM_LISTS = ['choices', 'rows', 'columns', 'rateValues'];

export function checkNoForbiddenKeys(value: unknown, path: string, fail: Report): void {
  if (value === null || typeof value !== 'object') return;
  for (const [key, child] of Object.entries(value)) {
    const childPath = `${path}${Array.isArray(value) ? `[${key}]` : pathSegment(key)}`;
    if (isForbiddenKey(key)) fail(childPath, `forbidden key "${key}"`);
    checkNoForbiddenKeys(child, childPath, fail);
  }
}

export function walkElements(survey: Json): ElementAt[] {
  const found: ElementAt[] = [];
  const visit = (elements: unknown, path: string) => {
    if (!Array.isArray(elements)) return;
    elements.forEach((element, i) => {
      if (!isObject(element)) return;
      found.push({ path: `${path}[${i}]`, element });
      visit(element.elements, `${path}[${i}].elements`);
    });
  };
  visit(survey.elements, '$.survey.elements');
  if (Array.isArray(survey.pages)) survey.pages.forEach((page, i) => visit(isObject(page) ? page.elements : undefined, `$.survey.pages[${i}].elements`));
  return found;
}

export function checkStructure(survey: Json, fail: Report): Map<string, string> {
  rejectProperties(survey, UNSUPPORTED_ON_SURVEY, '$.survey', fail);
  if (Array.isArray(survey.pages)) survey.pages.forEach((page, i) => isObject(page) && rejectProperties(page, UNSUPPORTED_ON_CONTAINER, `$.survey.pages[${i}]`, fail));
  const pathByName = new Map<string, string>();
  for (const { path, element } of walkElements(survey)) {
    if (element.type === 'panel') {
      rejectProperties(element, UNSUPPORTED_ON_CONTAINER, path, fail);
      continue;
    }
    checkQuestion(element, path, fail);
    const name = element.name;
    if (typeof name !== 'string') continue;
    if (pathByName.has(name)) fail(`${path}.name`, `duplicate question name "${name}" (first at ${pathByName.get(name)})`);
    else pathByName.set(name, path);
  }
  return pathByName;
}

function checkQuestion(element: Json, path: string, fail: Report): void {
  if (typeof element.type !== 'string' || !SUPPORTED_TYPES.has(element.type)) {
    fail(`${path}.type`, `unsupported question type ${JSON.stringify(element.type)}; use one of ${[...SUPPORTED_TYPES].join(', ')}`);
  }
  if (!isSafeKey(element.name)) fail(`${path}.name`, `unsafe or missing question name ${JSON.stringify(element.name)}`);
  rejectProperties(element, UNSUPPORTED_ON_QUESTION, path, fail);
  if (element.type === 'text' || element.type === 'comment') {
    if (!Number.isInteger(element.maxLength) || (element.maxLength as number) < 1) fail(`${path}.maxLength`, 'text questions need a positive integer maxLength');
  }
  if (element.type === 'text' && element.inputType !== undefined && element.inputType !== 'text') {
    fail(`${path}.inputType`, 'only plain text inputs are supported');
  }
  if (element.type === 'boolean') {
    for (const key of ['valueTrue', 'valueFalse']) {
      if (!isSafeKey(element[key])) fail(`${path}.${key}`, 'yes/no questions need text values for valueTrue and valueFalse (e.g. "yes", "no")');
    }
    if (element.valueTrue === element.valueFalse) fail(`${path}.valueFalse`, 'valueTrue and valueFalse must differ');
  }
  if (element.type === 'matrix' && element.cellType !== undefined && element.cellType !== 'radio') {
    fail(`${path}.cellType`, 'only single-choice (radio) matrices are supported');
  }
  for (const list of ITEM_LISTS) checkItemValues(element[list], `${path}.${list}`, fail);
}

function checkItemValues(items: unknown, path: string, fail: Report): void {
  if (!Array.isArray(items)) return;
  const seen = new Set<unknown>();
  items.forEach((item, i) => {
    const value = isObject(item) ? item.value : item;
    // Matrix rows become object keys in the answer, so they must be strings.
    const ok = isSafeKey(value) || (!path.endsWith('.rows') && typeof value === 'number' && Number.isFinite(value));
    if (!ok) fail(`${path}[${i}]`, `unsafe or missing value ${JSON.stringify(value)}`);
    else if (seen.has(value)) fail(`${path}[${i}]`, `duplicate value ${JSON.stringify(value)}`);
    seen.add(value);
  });
}

function rejectProperties(object: Json, names: string[], path: string, fail: Report): void {
  for (const name of names) {
    if (Object.hasOwn(object, name)) fail(`${path}.${name}`, `"${name}" is not supported by the server-side answer validator`);
  }
}

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
