import { mergeCounters, type Counters } from './counters.js';
import { EXPORT_PART, ExportCount, Summary, summaryId } from './model.js';
import { exportCountsReady } from './export-counts.js';
import { exportCountsText, type StoredExportCounts } from './export-doc.js';

// The tally's read API: a council × wave's counters, part by part, each read by _id (the lookup
// FerretDB answers from its index). Parts: "main" and "bd:<question>" per demographic question.
export async function groupCounters(pilotCode: string, waveId: string, parts: string[]): Promise<Counters> {
  const docs = await Promise.all(
    parts.map((part) => Summary.findById(summaryId(pilotCode, waveId, part), { c: 1 }).lean<{ c: Counters }>()),
  );
  return mergeCounters(docs.map((d) => d?.c ?? {}));
}

// The export counts ("ex" part) of many council × wave groups, each as JSON text (export-doc.ts):
// their collection holds only these small documents, so even where the backend answers `$in` by
// a scan it reads no summary; a few groups are read by _id each (the lookup FerretDB answers from
// its index), as the scan decodes every group's document. Null until a database counted before
// they existed has had them rebuilt (the tally's first run does).
const FEW = 20;

export async function exportCounts(
  groups: readonly { pilotCode: string; waveId: string }[],
): Promise<Map<string, string> | null> {
  if (!(await exportCountsReady())) return null;
  const ids = groups.map((g) => summaryId(g.pilotCode, g.waveId, EXPORT_PART));
  const fields = { pilotCode: 1, waveId: 1, p: 1, c: 1 };
  type Doc = { pilotCode: string; waveId: string } & StoredExportCounts;
  const docs =
    ids.length <= FEW
      ? (await Promise.all(ids.map((id) => ExportCount.findById(id, fields).lean<Doc>()))).filter((d) => d !== null)
      : await ExportCount.find({ _id: { $in: ids } }, fields).lean<Doc[]>();
  return new Map(docs.map((d) => [`${d.pilotCode}|${d.waveId}`, exportCountsText(d)]));
}
