// Eight real councils from the DfE workforce release (year to 30 September 2025, OGL v3.0):
// codes, names, regions and social workers in post (headcount). Four in each study arm; each
// comparison council is a DfE statistical neighbour or regional peer of a pilot council.
export const demoCouncils = [
  {
    code: '855',
    name: 'Leicestershire',
    region: 'East Midlands',
    arm: 'pilot',
    headcount: 357,
    practiceModelStart: '2025-04-01',
  },
  {
    code: '856',
    name: 'Leicester',
    region: 'East Midlands',
    arm: 'pilot',
    headcount: 166,
    practiceModelStart: '2025-04-01',
  },
  { code: '350', name: 'Bolton', region: 'North West', arm: 'pilot', headcount: 175, practiceModelStart: '2025-06-01' },
  {
    code: '935',
    name: 'Suffolk',
    region: 'East of England',
    arm: 'pilot',
    headcount: 467,
    practiceModelStart: '2025-06-01',
  },
  { code: '891', name: 'Nottinghamshire', region: 'East Midlands', arm: 'comparison', headcount: 501 },
  { code: '892', name: 'Nottingham', region: 'East Midlands', arm: 'comparison', headcount: 247 },
  { code: '351', name: 'Bury', region: 'North West', arm: 'comparison', headcount: 159 },
  { code: '926', name: 'Norfolk', region: 'East of England', arm: 'comparison', headcount: 502 },
] as const;

export type DemoCouncil = (typeof demoCouncils)[number];
