import { armDrivers, councilDrivers, type DriverDeps } from '../reports/drivers/service.js';
import { councilSummary } from '../reports/summaries/service.js';
import { listCouncils, listWaves } from '../study/store.js';
import { driverFindings, type DriverRead } from './driver-figures.js';
import type { Respondent } from './unknowns.js';

// Every driver analysis a reader can obtain, through the services the routes call: each council ×
// wave's and each arm's of every wave. Whether a council's results are published is what its
// summary says to the same reader.
export async function readDrivers(deps: DriverDeps): Promise<DriverRead[]> {
  const reads: DriverRead[] = [];
  const councils = await listCouncils();
  for (const wave of await listWaves()) {
    const published = new Set<string>();
    for (const council of councils) {
      if ((await councilSummary(council._id, wave._id, deps)).resultsPublished) published.add(council._id);
      const body = await councilDrivers(council._id, wave._id, deps);
      reads.push({
        source: `drivers ${council._id} ${wave._id}`,
        key: `council|${council._id}|${wave._id}`,
        wave: wave._id,
        councils: [council._id],
        arm: false,
        published: published.has(council._id),
        head: Object.keys(body),
        outcomes: body.outcomes,
      });
    }
    const both = await armDrivers(wave._id, deps);
    for (const arm of both.arms) {
      const codes = arm.councils.map((c) => c.code);
      reads.push({
        source: `drivers ${arm.arm} arm ${wave._id}`,
        key: `arm|${arm.arm}|${wave._id}`,
        wave: wave._id,
        councils: codes,
        arm: true,
        published: codes.every((code) => published.has(code)),
        head: [...Object.keys(both), ...Object.keys(arm)],
        outcomes: arm.outcomes,
      });
    }
  }
  return reads;
}

// Read twice: the second read must publish what the first did.
export async function auditDrivers(people: readonly Respondent[], deps: DriverDeps) {
  const reads = [...(await readDrivers(deps)), ...(await readDrivers(deps))];
  return driverFindings(reads, people, { min: deps.minGroupSize, driverMin: deps.driverMinGroupSize });
}
