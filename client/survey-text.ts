export type Lang = 'en' | 'cy';

// The page's own words (SurveyJS localises the questions and its buttons).
export const text = {
  en: {
    languageLabel: 'Language',
    englishOnly: 'This survey is available in English only. (Mae’r arolwg hwn ar gael yn Saesneg yn unig.)',
    start: 'Start the survey',
    anonymityTitle: 'Who sees your answers',
    restored: 'We kept the answers you gave earlier on this device. You can carry on where you left off.',
    clearAnswers: 'Clear my answers from this device',
    cleared: 'Your answers have been cleared from this device.',
    loadingSurvey: 'Loading the survey…',
    sending: 'Sending your answers…',
    retrying: (s: number) =>
      `We could not reach the server. Your answers are saved on this device and we will try again in ${s === 1 ? '1 second' : `${s} seconds`}, or as soon as this device is back online. You can leave this page open or come back to this link later.`,
    thanksTitle: 'Thank you',
    thanks: 'Your answers have been received. You can close this page.',
    failedTitle: 'Your answers could not be accepted',
    unavailableTitle: 'The survey cannot be shown',
    unavailable: 'Please try again later.',
    linkUsed: 'This personal link has already been used to answer the survey. Each invitation can be used once.',
    linkUnknown: 'This personal link is not recognised. Please use the link in your invitation email.',
    invitationOnly: 'This survey is by invitation: please open the personal link in your invitation email.',
  },
  cy: {
    languageLabel: 'Iaith',
    englishOnly: 'Mae’r arolwg hwn ar gael yn Saesneg yn unig.',
    start: "Dechrau'r arolwg",
    anonymityTitle: "Pwy sy'n gweld eich atebion",
    restored:
      "Rydym wedi cadw'r atebion a roesoch yn gynharach ar y ddyfais hon. Gallwch barhau o'r man lle gwnaethoch adael.",
    clearAnswers: "Clirio fy atebion o'r ddyfais hon",
    cleared: "Mae eich atebion wedi'u clirio o'r ddyfais hon.",
    loadingSurvey: "Yn llwytho'r arolwg…",
    sending: 'Yn anfon eich atebion…',
    retrying: (s: number) =>
      `Nid oedd modd cyrraedd y gweinydd. Mae eich atebion wedi'u cadw ar y ddyfais hon a byddwn yn ceisio eto ymhen ${s} eiliad, neu cyn gynted ag y bydd y ddyfais hon ar-lein eto. Gallwch adael y dudalen hon ar agor neu ddod yn ôl at y ddolen hon yn nes ymlaen.`,
    thanksTitle: 'Diolch',
    thanks: "Mae eich atebion wedi dod i law. Gallwch gau'r dudalen hon.",
    failedTitle: 'Nid oedd modd derbyn eich atebion',
    unavailableTitle: 'Nid oes modd dangos yr arolwg',
    unavailable: 'Rhowch gynnig arall arni yn nes ymlaen.',
    linkUsed:
      "Mae'r ddolen bersonol hon eisoes wedi'i defnyddio i ateb yr arolwg. Gellir defnyddio pob gwahoddiad unwaith.",
    linkUnknown: "Nid yw'r ddolen bersonol hon yn cael ei hadnabod. Defnyddiwch y ddolen yn eich e-bost gwahoddiad.",
    invitationOnly: 'Arolwg drwy wahoddiad yw hwn: agorwch y ddolen bersonol yn eich e-bost gwahoddiad.',
  },
} as const;

const welshMonths = 'Ionawr Chwefror Mawrth Ebrill Mai Mehefin Gorffennaf Awst Medi Hydref Tachwedd Rhagfyr'.split(' ');

// A calendar day (YYYY-MM-DD) in words: "5 January 2027", "5 Ionawr 2027". Browsers built without
// Welsh locale data (Chromium among them) quietly fall back to US English for 'cy', so then the
// Welsh is written out here in the same form Intl gives where it knows Welsh.
export function longDate(day: string, lang: Lang): string {
  const date = new Date(`${day}T12:00:00Z`);
  const format = new Intl.DateTimeFormat(lang === 'cy' ? 'cy' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' });
  if (lang !== 'cy' || format.resolvedOptions().locale.startsWith('cy')) return format.format(date);
  return `${date.getUTCDate()} ${welshMonths[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

// Comments are released only where the council chose to collect them and at least this many answered (issue 13).
const COMMENT_GROUP = 20;

// What happens to the answers, said precisely: a promise the survey makes to every respondent.
export function introText(lang: Lang, minGroup: number, closesOn: string): string[] {
  return lang === 'cy'
    ? [
        "Nid ydym yn gofyn am eich enw. Gyda'ch atebion nid ydym yn cadw dim am eich dyfais, eich cyfeiriad e-bost neu rhyngrwyd, na'r amser y gwnaethoch ateb.",
        `Dim ond ffigurau ar gyfer grwpiau o ${minGroup} o bobl o leiaf y mae arweinwyr AD eich cyngor yn eu gweld, byth atebion un person, a hynny dim ond ar ôl i'r arolwg gau.`,
        `Mae ymchwilwyr cymeradwy yn cael ffeil gydag un rhes o atebion i bob person. Nid oes enw, cyfeiriad e-bost, dolen na dyddiad union ynddi (y mis yn unig), a dim ond grwpiau o ${minGroup} o bobl o leiaf sydd ynddi.`,
        `Dim ond os dewisodd eich cyngor eu casglu, ac os atebodd ${COMMENT_GROUP} o bobl o leiaf, y caiff y sylwadau rydych chi'n eu hysgrifennu eu rhannu.`,
        `Mae'r arolwg yn cymryd tua 10 munud ac yn cau ar ${closesOn}. Mae angen ateb y cwestiynau sydd wedi'u nodi â *; gallwch hepgor unrhyw gwestiwn arall.`,
      ]
    : [
        'We do not ask for your name. With your answers we keep nothing about your device, your email or internet address, or the time you answered.',
        `Your council’s HR leads see only figures for groups of at least ${minGroup} people, never one person’s answers, and only after the survey closes.`,
        `Approved researchers receive a file with one row of answers per person. It has no name, email address, link or exact date (only the month), and only groups of at least ${minGroup} people are in it.`,
        `Comments you write are shared only where your council chose to collect them and at least ${COMMENT_GROUP} people answered.`,
        `The survey takes about 10 minutes and closes on ${closesOn}. Questions marked * need an answer; you can skip any other question.`,
      ];
}
