// One rule for every figure on the staff pages: round first, then a value that rounded to zero
// is 0 (never "-0.0"), and a negative number gets a true minus sign. Welsh writes numbers as
// English does (decimal point, no space before %), so the text is the same in both languages.
export function fixed(x: number, digits = 2): string {
  const text = x.toFixed(digits);
  if (Number(text) === 0) return (0).toFixed(digits);
  return text.replace(/^-/, '−');
}

// With a sign either way: "+0.25", "−0.25", and "0.00" for what rounds to zero.
export function signed(x: number, digits = 2): string {
  const text = fixed(x, digits);
  return Number(x.toFixed(digits)) > 0 ? `+${text}` : text;
}

export const percent = (p: number, digits = 0) => `${fixed(p * 100, digits)}%`;
