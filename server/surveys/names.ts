// Names and titles read from a plain SurveyJS JSON when deriving our metadata.

// lower_snake_case, starting with a letter, short enough for SPSS once a matrix row is appended.
export function variableName(name: string): string {
  const snake = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return (/^[a-z]/.test(snake) ? snake : `q_${snake}`).slice(0, 32).replace(/_+$/, '');
}

export function slug(text: string): string {
  const kebab = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return kebab || 'survey';
}

// SurveyJS texts are a string or { default | en, cy, ... }.
export function localisedTitle(value: unknown): { default: string; cy?: string } | undefined {
  if (typeof value === 'string' && value.trim()) return { default: value.trim() };
  if (value === null || typeof value !== 'object') return undefined;
  const text = value as Record<string, unknown>;
  const en = [text.default, text.en].find((t): t is string => typeof t === 'string' && t.trim() !== '');
  if (!en) return undefined;
  return typeof text.cy === 'string' && text.cy.trim() ? { default: en, cy: text.cy } : { default: en };
}
