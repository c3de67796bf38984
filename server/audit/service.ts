import { Writable } from 'node:stream';
import { AppError } from '../errors.js';
import { prepareExport } from '../exports/service.js';
import { compareArms } from '../reports/summaries/comparisons.js';
import { councilSummary, type SummaryDeps } from '../reports/summaries/service.js';
import { responseCursor } from '../responses/store.js';
import { listCouncils, listWaves } from '../study/store.js';
import { audit, type AuditResult, type Publication } from './audit.js';
import { comparisonFigures } from './comparison-figures.js';
import { auditDrivers } from './driver-reads.js';
import { exportFigures, type ExportCell, type ExportRow } from './export-figures.js';
import { summaryFigures } from './summary-figures.js';
import type { Respondent } from './unknowns.js';

// The auditor's I/O: the truth (every stored response) and everything published about it, read
// through the same service functions the routes call, then handed to the pure audit.
export type AuditDeps = SummaryDeps & { freeTextMinGroupSize: number; driverMinGroupSize: number };

export async function readRespondents(deps: AuditDeps): Promise<Respondent[]> {
  const arms = new Map((await listCouncils()).map((c) => [c._id, c.arm as string]));
  const fields = { _id: 1, pilotCode: 1, waveId: 1, surveyId: 1, surveyVersion: 1, day: 1, answers: 1 };
  const people: Respondent[] = [];
  for await (const doc of responseCursor({}, fields, 2000))
    people.push({
      id: String(doc._id),
      council: doc.pilotCode,
      arm: arms.get(doc.pilotCode) ?? 'unknown',
      wave: doc.waveId,
      day: doc.day,
      def: deps.surveys.get(doc.surveyId, doc.surveyVersion),
      answers: doc.answers ?? {},
    });
  return people;
}

// A refusal the reader would get too (409 while a wave is open, say) publishes nothing.
async function unlessRefused<T>(read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch (err) {
    if (err instanceof AppError && err.status < 500) return null;
    throw err;
  }
}

async function exportRows(survey: string, deps: AuditDeps) {
  const prepared = await unlessRefused(() =>
    prepareExport({ format: 'ndjson', labels: false, bom: false, survey }, 'disclosure-audit', {
      surveys: deps.surveys,
      minGroupSize: deps.minGroupSize,
      freeTextMinGroupSize: deps.freeTextMinGroupSize,
      flushTally: (selected) => deps.tallier.flushFor(selected),
      now: deps.now,
    }),
  );
  if (!prepared) return null;
  let text = '';
  const sink = new Writable({
    write(chunk, _enc, done) {
      text += String(chunk);
      done();
    },
  });
  await prepared.write(sink);
  const rows = text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as ExportRow);
  return { layout: prepared.layout, rows };
}

export async function publishedFigures(people: readonly Respondent[], deps: AuditDeps) {
  const publications: Publication[] = [];
  const cells: ExportCell[] = [];
  const waves = await listWaves();
  const councils = await listCouncils();
  for (const wave of waves) {
    const inWave = people.filter((r) => r.wave === wave._id);
    for (const council of councils) {
      const summary = await councilSummary(council._id, wave._id, deps);
      const group = inWave.filter((r) => r.council === council._id);
      publications.push(...summaryFigures(`summary ${council._id} ${wave._id}`, summary, group));
    }
    const comparison = await unlessRefused(() => compareArms(wave._id, undefined, deps));
    if (comparison)
      publications.push(...comparisonFigures(`comparison ${wave._id}`, comparison, inWave, deps.minGroupSize));
  }
  for (const survey of new Set(waves.map((w) => w.surveyId))) {
    const exported = await exportRows(survey, deps);
    if (!exported) continue;
    const figures = exportFigures(exported.layout, exported.rows, people);
    publications.push(...figures.publications);
    cells.push(...figures.cells);
  }
  return { publications, cells };
}

export async function auditDatabase(deps: AuditDeps): Promise<AuditResult> {
  const people = await readRespondents(deps);
  const { publications, cells } = await publishedFigures(people, deps);
  const result = audit(publications, deps.minGroupSize, cells);
  const drivers = await auditDrivers(people, deps);
  return {
    ...result,
    findings: [...result.findings, ...drivers.findings],
    mismatches: [...result.mismatches, ...drivers.mismatches],
  };
}
