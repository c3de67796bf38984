// The words of invitation and reminder emails, in English and Welsh.
// (Welsh drafted for this feature: have it checked by a Welsh speaker before the first wave.)
export type MailLang = 'en' | 'cy';
export type MailKind = 'invitation' | 'reminder';
export type MailFacts = { council: string | null; closesOn: string; minGroupSize: number; retentionDays: number };

export const longDate = (day: string, lang: MailLang) =>
  new Intl.DateTimeFormat(lang === 'cy' ? 'cy-GB' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${day}T12:00:00Z`),
  );

type Words = {
  subject: (kind: MailKind, f: MailFacts) => string;
  opening: (kind: MailKind, f: MailFacts) => string[];
  action: string;
  personal: string;
  closes: (f: MailFacts) => string;
  anonymityTitle: string;
  anonymity: (f: MailFacts) => string[];
  optOut: string;
  optOutAction: string;
};

export const words: Record<MailLang, Words> = {
  en: {
    subject: (kind, f) =>
      kind === 'invitation'
        ? `Staff wellbeing survey${f.council ? ` – ${f.council}` : ''}: your personal link`
        : `Reminder: the staff wellbeing survey closes on ${longDate(f.closesOn, 'en')}`,
    opening: (kind, f) =>
      kind === 'invitation'
        ? [
            'Dear colleague,',
            `${f.council ?? 'Your council'} is asking everyone in children's social care to take part in an anonymous survey about job satisfaction, wellbeing and plans for the future. It takes about 10 minutes.`,
          ]
        : [
            'Dear colleague,',
            `If you have not yet taken part in the staff wellbeing survey${f.council ? ` for ${f.council}` : ''}, there is still time: it takes about 10 minutes.`,
            'If you have already answered using another link, thank you – you can ignore this email.',
          ],
    action: 'Take the survey',
    personal: 'This link is personal and works once: please do not forward it.',
    closes: (f) => `The survey closes on ${longDate(f.closesOn, 'en')}.`,
    anonymityTitle: 'Your answers are anonymous',
    anonymity: (f) => [
      'We do not ask for your name, and your answers are stored without your email address or anything else that connects them to this email.',
      'We record only whether your personal link has been used, so that we stop sending you reminders. So the survey team can see who has taken part – never what anyone answered.',
      `Results are shown only for groups of at least ${f.minGroupSize} people. This email list is deleted ${f.retentionDays} days after the survey closes.`,
    ],
    optOut: 'Do not want reminders about this survey?',
    optOutAction: 'Stop reminders',
  },
  cy: {
    subject: (kind, f) =>
      kind === 'invitation'
        ? `Arolwg llesiant staff${f.council ? ` – ${f.council}` : ''}: eich dolen bersonol`
        : `Nodyn atgoffa: mae'r arolwg llesiant staff yn cau ar ${longDate(f.closesOn, 'cy')}`,
    opening: (kind, f) =>
      kind === 'invitation'
        ? [
            'Annwyl gydweithiwr,',
            `Mae ${f.council ?? 'eich cyngor'} yn gofyn i bawb ym maes gofal cymdeithasol plant gymryd rhan mewn arolwg dienw am foddhad swydd, llesiant a chynlluniau at y dyfodol. Mae'n cymryd tua 10 munud.`,
          ]
        : [
            'Annwyl gydweithiwr,',
            `Os nad ydych wedi cymryd rhan yn yr arolwg llesiant staff${f.council ? ` ar gyfer ${f.council}` : ''} eto, mae amser o hyd: mae'n cymryd tua 10 munud.`,
            "Os ydych eisoes wedi ateb drwy ddolen arall, diolch – gallwch anwybyddu'r neges hon.",
          ],
    action: 'Cymryd rhan yn yr arolwg',
    personal: "Mae'r ddolen hon yn bersonol a dim ond unwaith y mae'n gweithio: peidiwch â'i hanfon ymlaen.",
    closes: (f) => `Mae'r arolwg yn cau ar ${longDate(f.closesOn, 'cy')}.`,
    anonymityTitle: 'Mae eich atebion yn ddienw',
    anonymity: (f) => [
      "Nid ydym yn gofyn am eich enw, ac mae eich atebion yn cael eu cadw heb eich cyfeiriad e-bost nac unrhyw beth arall sy'n eu cysylltu â'r neges hon.",
      "Yr unig beth a gofnodwn yw a yw eich dolen bersonol wedi'i defnyddio, er mwyn i ni roi'r gorau i anfon nodiadau atgoffa atoch. Felly gall tîm yr arolwg weld pwy sydd wedi cymryd rhan – ond byth beth a atebodd unrhyw un.",
      `Dim ond ar gyfer grwpiau o ${f.minGroupSize} o bobl o leiaf y dangosir canlyniadau. Caiff y rhestr e-bost hon ei dileu ${f.retentionDays} diwrnod ar ôl i'r arolwg gau.`,
    ],
    optOut: 'Ddim eisiau nodiadau atgoffa am yr arolwg hwn?',
    optOutAction: 'Atal nodiadau atgoffa',
  },
};
