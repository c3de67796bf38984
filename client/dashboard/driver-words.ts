import type { Lang } from '../words/lang.js';

// The driver card's words in English and Welsh (the dashboard's and the research page's arm version).
const en = {
  caveat:
    'This is association, not cause: it shows what tends to go together in the answers, not what would change if something changed.',
  unavailable: {
    'too-few': 'there are too few answers for a model with this many drivers',
    'no-variation': 'a driver or the outcome is the same for everyone',
    collinear: 'some drivers move so closely together that their separate parts cannot be told apart',
    separation: 'some drivers predict the answer perfectly in this group, so the model has no finite estimates',
  } as Record<string, string>,
  noModel: (why: string) => `No multivariable model: ${why}.`,
  leaving: (where: string) => `What goes with intending to leave ${where}`,
  goesWith: (label: string, where: string) => `What goes with ${label.toLowerCase()} ${where}`,
  here: 'here',
  inArm: (pilot: boolean) => `in the ${pilot ? 'pilot' : 'comparison'} arm`,
  armGroup: (pilot: boolean, wave: string) => `the ${pilot ? 'pilot' : 'comparison'} arm, ${wave}`,
  description: (label: string, group: string, n: number) =>
    `How strongly each candidate driver goes with "${label}" in ${group} (correlation, −1 to 1, with its 95% confidence interval), strongest first, among the ${n} people who answered it and every driver.`,
  oddsHead: 'Odds ratio per SD, others held equal (95% CI)',
  betaHead: 'Standardised β, others held equal (95% CI)',
  legend: 'Correlation (r)',
  axis: 'Correlation with the outcome (r)',
  caption: (title: string, n: number) => `${title}: correlation and model, strongest first (n ${n})`,
  driver: 'Driver',
  correlation: 'Correlation r (95% CI)',
  // the API's explanation is English; Welsh is written here from its reason
  refusal: null as null | ((reason: string, driverMin: number) => string | null),
};

export type DriverWords = typeof en;

const cy: DriverWords = {
  caveat:
    'Cysylltiad yw hwn, nid achos: mae’n dangos beth sy’n tueddu i fynd gyda’i gilydd yn yr atebion, nid beth fyddai’n newid pe bai rhywbeth yn newid.',
  unavailable: {
    'too-few': 'mae rhy ychydig o atebion ar gyfer model gyda chynifer o ffactorau',
    'no-variation': 'mae un o’r ffactorau neu’r canlyniad yr un fath i bawb',
    collinear: 'mae rhai ffactorau’n symud mor agos gyda’i gilydd fel nad oes modd gwahanu eu rhannau unigol',
    separation:
      'mae rhai ffactorau’n rhagfynegi’r ateb yn berffaith yn y grŵp hwn, felly nid oes gan y model amcangyfrifon meidraidd',
  },
  noModel: (why) => `Dim model aml-newidyn: ${why}.`,
  leaving: (where) => `Beth sy’n mynd gyda bwriadu gadael ${where}`,
  goesWith: (label, where) => `Beth sy’n mynd gyda “${label}” ${where}`,
  here: 'yma',
  inArm: (pilot) => `yn y gangen ${pilot ? 'beilot' : 'gymharu'}`,
  armGroup: (pilot, wave) => `y gangen ${pilot ? 'beilot' : 'gymharu'}, ${wave}`,
  description: (label, group, n) =>
    `Pa mor gryf y mae pob ffactor posibl yn mynd gyda “${label}” yn ${group} (cydberthyniad, −1 i 1, gyda’i gyfwng hyder 95%), y cryfaf yn gyntaf, ymhlith y ${n} o bobl a atebodd hwn a phob ffactor.`,
  oddsHead: 'Cymhareb ods fesul gwyriad safonol, a’r lleill yn gyfartal (CH 95%)',
  betaHead: 'β safonedig, a’r lleill yn gyfartal (CH 95%)',
  legend: 'Cydberthyniad (r)',
  axis: 'Cydberthyniad â’r canlyniad (r)',
  caption: (title, n) => `${title}: cydberthyniad a model, y cryfaf yn gyntaf (n ${n})`,
  driver: 'Ffactor',
  correlation: 'Cydberthyniad r (CH 95%)',
  refusal: (reason, driverMin) =>
    ({
      'not-published': 'Dangosir y dadansoddiad o ffactorau pan gyhoeddir y canlyniadau, funud ar ôl i’r arolwg gau.',
      'changed-since-publication':
        'Nid yw’r ymatebion sydd wedi’u cadw yn cyfateb i’r canlyniadau a gyhoeddwyd mwyach, felly ni ddangosir dadansoddiad o ffactorau.',
      'below-driver-minimum': `Mae angen o leiaf ${driverMin} o bobl a atebodd hwn a phob ffactor posibl ar gyfer y dadansoddiad o ffactorau. Roedd llai na hynny yma, felly ni ddangosir ffigurau.`,
    })[reason] ?? null,
};

export const driverWords = (lang: Lang): DriverWords => (lang === 'cy' ? cy : en);
