import { FIELD_MESSAGES_EN } from '../../../shared/messages/fields-en.ts';
import type { CardTexts } from './texts.ts';

/** English texts of the card pages: same keys as Polish (texts.ts); loaded only when someone picks English. */

const plural = (n: number, one: string, other: string) => (Math.abs(n) === 1 ? one : other);

export const en: CardTexts = {
  steps: {
    gmina: 'Choose the gmina',
    urzad: 'The gmina office',
    kontakty: 'Contact person and social assistance centre',
    powiat: 'Partner powiat',
    kryteria: 'Figures for the assessment',
    infrastruktura: 'Social infrastructure in the gmina',
    uzasadnienie: 'Why the gmina wants to take part',
    oswiadczenia: 'Declarations',
  },
  stepOf: (step, total) => `Step ${step} of ${total}`,
  back: 'Back',
  next: 'Continue',
  saveLater: 'Save and finish later',
  errorSummary: 'Correct the errors',
  errorPrefix: 'Error:',
  errorTitle: (title) => `Error: ${title}`,
  notNumber: 'Enter a number in digits, e.g. 1250 or 4321.55.',
  numberRange: (min, max) =>
    `Enter a number from ${min.toLocaleString('en-GB')} to ${max.toLocaleString('en-GB')}.`,
  yearRange: (min, max) => `Enter a year from ${min} to ${max}.`,
  fieldMessages: FIELD_MESSAGES_EN,
  labels: {
    office: {
      teryt: 'Gmina',
      address: 'Address of the gmina office',
      'address.street': 'Street and building number',
      'address.postalCode': 'Postal code',
      'address.city': 'Town (post office)',
      nip: 'NIP (tax number) of the gmina',
      regon: 'REGON (statistical number) of the gmina',
      'head.title': 'Who heads the gmina?',
      'head.name': 'Full name of the wójt, burmistrz or city president',
    },
    contacts: {
      contact: 'Contact person for this application',
      'contact.name': 'Full name',
      'contact.position': 'Job title',
      'contact.email': 'E-mail address',
      'contact.phone': 'Phone number',
      ops: 'Social assistance centre (OPS) of the gmina',
      'ops.name': 'Name of the centre',
      'ops.head': 'Full name of the head of the centre',
      'ops.email': 'E-mail address of the centre',
      'ops.phone': 'Phone number of the centre',
    },
    partner: {
      powiatCode: 'Partner powiat',
      pcpr: 'District family support centre (PCPR) of this powiat',
      'pcpr.name': 'Name of the centre',
      'pcpr.head': 'Full name of the head (director) of the centre',
      'pcpr.email': 'E-mail address of the centre',
      'pcpr.phone': 'Phone number of the centre',
    },
    criteria: {
      population: 'Population of the gmina',
      solectwa: 'Number of sołectwa (village units)',
      incomePerInhabitant: 'Gmina revenue per inhabitant',
      longTermAssistancePersons: 'Persons on social assistance for a long time',
      assistanceFamilies: 'Families receiving social assistance',
      assistancePersons: 'Persons in families receiving social assistance',
      familiesWithAssistant: 'Families supported by a family assistant',
    },
    infrastructure: {
      items: 'Which support institutions and places operate in the gmina?',
      other: 'Other institutions or support places (optional)',
    },
    motivation: {
      motivation: 'Why does the gmina want to take part in the project?',
      expectations: 'What does the gmina expect from taking part?',
    },
    declarations: {
      agreementReadiness:
        'If selected, the gmina is ready to sign a cooperation agreement for the project with the voivodeship and the partner powiat.',
      milestonesParticipation:
        'The gmina will take part in every stage (milestone) of the project: developing, testing and summarising the cooperation model, and the training.',
      rodoAcknowledged: 'I have read the information on the processing of personal data.',
    },
  },
  hints: {
    office: {
      'address.street': 'E.g. ul. Kościuszki 12. Where streets have no names: the village name and number.',
      'address.postalCode': 'E.g. 26-070',
      nip: 'The NIP of the gmina (10 digits; dashes and spaces are fine). It is in the footer of the office’s letters, in the gmina’s Public Information Bulletin (BIP) and in the REGON search on the GUS website.',
      regon: 'The REGON of the gmina: 9 digits (a local unit: 14). It is where you find the NIP.',
    },
    contacts: {
      contact: 'We will send the confirmation, with a link to the card, to this person’s e-mail address.',
      'contact.phone': 'E.g. 41 391 40 12 or +48 600 100 200.',
      'ops.name': 'The full name, e.g. Gminny Ośrodek Pomocy Społecznej w Oksie.',
    },
    partner: {
      powiatCode:
        'Usually the powiat the gmina is in. If the gmina is selected, the powiat signs the agreement with it.',
      'pcpr.name': 'The full name, e.g. Powiatowe Centrum Pomocy Rodzinie w Jędrzejowie.',
    },
    criteria: {
      population: 'As at 31 December, e.g. from the GUS Local Data Bank.',
      solectwa: 'If the gmina has no sołectwa, enter 0.',
      incomePerInhabitant:
        'Total revenue of the gmina budget divided by the population, in złoty and grosze, e.g. 4321.55.',
      longTermAssistancePersons:
        'As in the Assessment of Social Assistance Resources (OZPS): persons who received social assistance for at least 36 months in the last 4 years (in total or with breaks).',
      assistanceFamilies: 'From the MRiPS-03 report or the Assessment of Social Assistance Resources.',
      assistancePersons: 'Everyone in the families granted social assistance benefits.',
      familiesWithAssistant: 'If the gmina employs no family assistant, enter 0.',
    },
    infrastructure: {
      items: 'Tick all that operate in the gmina.',
      other: 'E.g. a social cooperative, a care home, an integration club.',
    },
    motivation: {
      motivation:
        'Describe the main social problems in the gmina and what you want to change through cooperation between institutions.',
      expectations: 'E.g. what training, advice or solutions the staff of the gmina and the OPS need.',
    },
  },
  criteriaIntro:
    'Give each figure with the year it refers to: preferably the last full year for which the gmina has data.',
  figureValue: 'Number',
  figureAmount: 'Amount in złoty',
  money: (amount) => `PLN ${amount}`,
  figureYear: 'Year',
  yearOf: (label) => `${label} — year`,
  ratioLabel: 'Persons on social assistance for a long time, relative to the population:',
  ratioPending: 'shown once both numbers are entered',
  headTitles: {
    wojt: 'Wójt (head of a rural gmina)',
    burmistrz: 'Burmistrz (mayor)',
    prezydent: 'City president',
  },
  infrastructureItems: {
    ops: 'social assistance centre (OPS)',
    pcpr: 'district family support centre (PCPR)',
    sds: 'community self-help centre (ŚDS)',
    'dzienny-dom-pomocy': 'day care centre',
    'klub-seniora': 'seniors’ club',
    swietlica: 'community room (świetlica)',
    'placowka-wsparcia-dziennego': 'day support centre for children',
    cis: 'social integration centre (CIS)',
    kis: 'social integration club (KIS)',
    ngo: 'non-governmental organisations active in the gmina',
  },
  charLimit: (max) => `You can enter up to ${max} characters.`,
  charsLeft: (n, shown) =>
    n >= 0
      ? `You have ${shown} ${plural(n, 'character', 'characters')} remaining`
      : `You have ${shown} ${plural(n, 'character', 'characters')} too many`,
  declarationsHint: 'Tick all three declarations: the card cannot be sent without them.',
  picker: {
    label: 'Name of the gmina',
    hint: 'Type at least 2 letters of the name of the gmina or powiat. Polish letters are not needed.',
    results: 'Search results',
    loading: 'Loading the list of gminas…',
    loadFailed: 'The list of gminas could not be loaded',
    none: 'No gmina of that name was found. Check the spelling.',
    found: (n, shown) =>
      `${n} ${plural(n, 'gmina', 'gminas')} found${shown < n ? `; the first ${shown} are shown, type more letters` : ''}.`,
    unavailable: (n) => `Not open to this call: ${n}.`,
    describe: (powiat, wojewodztwo, kind) => `powiat ${powiat}, ${wojewodztwo} voivodeship, ${kind} gmina`,
    wrongKind: (name, kind, allowed) =>
      `${name} is ${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind} gmina; this call is for ${allowed}.`,
    wrongWojewodztwo: (name, wojewodztwo, allowed) =>
      `${name} is in the ${wojewodztwo} voivodeship; this call is for gminas in ${allowed}.`,
    wojewodztwoGenitive: (name) => name,
    or: 'or',
  },
  powiatLabel: (name) => (/^\p{Lu}/u.test(name) ? `${name} (city with powiat status)` : `powiat ${name}`),
  kindNames: { wiejska: 'rural', 'miejsko-wiejska': 'urban-rural', miejska: 'urban' },
  kindsFor: { wiejska: 'rural gminas', 'miejsko-wiejska': 'urban-rural gminas', miejska: 'urban gminas' },
  cardTitle: 'Application card',
  backToForm: 'Back to filling in the card',
  restore: {
    sent: "This gmina's card has already been sent",
    loading: 'Loading the saved card…',
    done: 'We have loaded the saved card. Check the answers and finish filling it in.',
    failed: 'The saved card could not be loaded',
  },
  form: {
    callClosed: 'This call has closed or has not opened yet: a card cannot be sent now.',
    backToCall: 'Back to the call',
    cardLinkOffer: 'No link to this card? We will send it again',
  },
};
