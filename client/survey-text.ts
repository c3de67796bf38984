export type Lang = 'en' | 'cy';

// The page's own words (SurveyJS localises the questions and its buttons).
export const text = {
  en: {
    languageLabel: 'Language',
    englishOnly: 'This survey is available in English only. (Mae’r arolwg hwn ar gael yn Saesneg yn unig.)',
    start: 'Start the survey',
    anonymityTitle: 'Your answers are anonymous',
    sending: 'Sending your answers…',
    retrying: (s: number) =>
      `We could not reach the server. Your answers are saved on this device and we will try again in ${s === 1 ? '1 second' : `${s} seconds`}. You can leave this page open or come back to this link later.`,
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
    anonymityTitle: 'Mae eich atebion yn ddienw',
    sending: 'Yn anfon eich atebion…',
    retrying: (s: number) =>
      `Nid oedd modd cyrraedd y gweinydd. Mae eich atebion wedi'u cadw ar y ddyfais hon a byddwn yn ceisio eto ymhen ${s} eiliad. Gallwch adael y dudalen hon ar agor neu ddod yn ôl at y ddolen hon yn nes ymlaen.`,
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

export function introText(lang: Lang, minGroup: number, closesOn: string): string[] {
  return lang === 'cy'
    ? [
        "Nid ydym yn gofyn am eich enw. Nid ydym yn cadw eich cyfeiriad e-bost, eich cyfeiriad IP, eich dyfais na'r amser y byddwch yn ateb – dim ond y diwrnod.",
        `Dim ond ar gyfer grwpiau o ${minGroup} o bobl o leiaf y caiff canlyniadau eich cyngor eu dangos, a sylwadau ysgrifenedig ar gyfer grwpiau mwy yn unig. Does neb yn gweld eich atebion unigol chi.`,
        `Mae'r arolwg yn cymryd tua 10 munud ac yn cau ar ${closesOn}. Gallwch hepgor cwestiynau sydd wedi'u nodi'n ddewisol.`,
      ]
    : [
        'We do not ask for your name. We do not keep your email address, your IP address, your device or the time you answer – only the day.',
        `Results for your council are shown only for groups of at least ${minGroup} people, and written comments only for larger groups. Nobody sees your individual answers.`,
        `The survey takes about 10 minutes and closes on ${closesOn}. You can skip questions marked as optional.`,
      ];
}
