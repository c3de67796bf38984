// A staff email list as HR exports it: one address per row, optionally an "email" header,
// quotes, a BOM, Windows line ends, blank rows. Pure, unit-tested.

export type ListProblem = { line: number; value: string; problem: string };
export type ParsedList = { addresses: string[]; duplicates: number; problems: ListProblem[] };

export const MAX_ADDRESSES = 20_000;

// Deliberately plain: one @, no spaces, a dotted domain of letters, digits and hyphens. Rarer
// valid forms (quoted local parts, IP literals) do not occur in council staff lists.
const addressPattern =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;
const headerPattern = /^(e-?mail|e-?mail address|address|email_address)$/i;

// Case-insensitive identity of an address, used to remove duplicates.
export const addressKey = (address: string) => address.toLowerCase();

function cellsOf(row: string): string[] {
  return row
    .split(/[,;\t]/)
    .map((c) =>
      c
        .trim()
        .replace(/^"(.*)"$/, '$1')
        .trim(),
    )
    .filter((c) => c !== '');
}

function problemWith(address: string): string | null {
  if (address.length > 254) return 'is longer than 254 characters';
  if (!address.includes('@')) return 'is not an email address (no @)';
  if (!addressPattern.test(address)) return 'is not a valid email address';
  const local = address.slice(0, address.lastIndexOf('@'));
  if (local.length > 64 || local.startsWith('.') || local.endsWith('.') || local.includes('..'))
    return 'is not a valid email address';
  return null;
}

export function parseAddressList(text: string): ParsedList {
  const rows = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const seen = new Set<string>();
  const addresses: string[] = [];
  const problems: ListProblem[] = [];
  let duplicates = 0;
  rows.forEach((row, index) => {
    const line = index + 1;
    const cells = cellsOf(row);
    if (cells.length === 0) return;
    if (cells.length > 1) {
      problems.push({
        line,
        value: row.trim().slice(0, 200),
        problem: 'has more than one value; put one address per row',
      });
      return;
    }
    const address = cells[0]!;
    if (addresses.length === 0 && problems.length === 0 && headerPattern.test(address)) return;
    const problem = problemWith(address);
    if (problem) {
      problems.push({ line, value: address.slice(0, 200), problem });
      return;
    }
    const key = addressKey(address);
    if (seen.has(key)) {
      duplicates++;
      return;
    }
    seen.add(key);
    addresses.push(address);
  });
  if (addresses.length > MAX_ADDRESSES) {
    problems.push({
      line: rows.length,
      value: '',
      problem: `the list has ${addresses.length} addresses; the most one upload takes is ${MAX_ADDRESSES}`,
    });
  }
  if (addresses.length === 0 && problems.length === 0)
    problems.push({ line: 1, value: '', problem: 'the list holds no addresses' });
  return { addresses, duplicates, problems };
}
