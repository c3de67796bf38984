import type { AuditResult, Finding } from './audit.js';

// The audit as lines for a person: what was read, then every finding (never a respondent's id or
// answers: a determined figure is named, not shown).
function line(f: Finding): string {
  switch (f.kind) {
    case 'small-base':
      return `figure over ${f.people} people (fewer than the minimum): ${f.source} [${f.fn}]`;
    case 'difference':
      return `two figures differ by ${f.people} people: ${f.source} minus ${f.minus} [${f.fn}]`;
    case 'export-cell':
      return `export rows a reader can pick out, ${f.rows} of them: ${f.source}`;
    case 'driver':
      return `driver analysis ${f.source}: ${f.problem}`;
    case 'determined':
      return `one respondent of ${f.council} ${f.wave} has ${f.figures.length} figure(s) determined: ${f.figures.slice(0, 6).join(', ')}${f.figures.length > 6 ? ', …' : ''}`;
  }
}

export function auditReport(result: AuditResult): string[] {
  const out = [
    `Read ${result.equations} published figures over ${result.unknowns} unknown answers.`,
    ...result.mismatches.map(
      (m) => `MODEL MISMATCH: ${m.source} [${m.fn}] published ${m.published}, the auditor computes ${m.computed}`,
    ),
    ...result.findings.map(line),
  ];
  out.push(
    result.findings.length === 0
      ? 'No individual answer, and no group smaller than the minimum, follows from what is published.'
      : `${result.findings.length} disclosure finding(s).`,
  );
  return out;
}
