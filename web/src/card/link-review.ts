import { requestJson } from '../lib/api.ts';
import { dictionaryPart } from '../lib/i18n.ts';
import { reader } from '../lib/shape.ts';
import { answersShape, type CardView } from './api.ts';

/*
 * The card's link page (card/link-page.tsx): the card read and withdrawn with its link, with what the ROPS's
 * review adds (an open request for correction, whether a decision was made), and the texts for those. Kept
 * out of card/api.ts and page-texts.ts, which the card form's route loads too: there, these bytes would
 * weigh on every clerk filling in a card.
 */
export interface ReviewedCardView extends CardView {
  /** What the ROPS asked to correct, while the request is open (changes are allowed until `until`). */
  correction?: { what: string; until: string } | undefined;
  /** A decision was made: the card can no longer be changed or withdrawn. */
  decided?: boolean | undefined;
}

const readView = reader<ReviewedCardView>({
  reference: 'string',
  callId: 'string',
  callTitle: 'string',
  teryt: 'string',
  gminaName: 'string',
  status: 'string',
  version: 'number',
  submittedAt: 'string',
  updatedAt: 'string',
  editableUntil: 'string',
  answers: answersShape,
  versions: [{ version: 'number', receivedAt: 'string', sha256: 'string' }],
  'correction?': { what: 'string', until: 'string' },
  'decided?': 'boolean',
});

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export function getReviewedCard(token: string, signal?: AbortSignal): Promise<ReviewedCardView> {
  return requestJson('/api/cards/current', readView, { headers: bearer(token), signal });
}

/** Withdraws the card (until a decision about it); the answer is the card as it now stands. */
export function withdrawCard(token: string): Promise<ReviewedCardView> {
  return requestJson('/api/cards/current', readView, { method: 'DELETE', headers: bearer(token) });
}

const pl = {
  correctionTitle: 'Ośrodek prosi o uzupełnienie karty',
  correctionUntil: 'Zmiany możesz wprowadzić do',
  correctionHow: 'Zmień kartę przyciskiem „Zmień kartę” poniżej i wyślij ją ponownie przed tym terminem.',
  decided:
    'Ośrodek podjął decyzję w sprawie tej karty. Nie można jej już zmienić ani wycofać. Decyzję wysłaliśmy e-mailem do osoby do kontaktu.',
  closedWithdrawable:
    'Termin naboru minął, dlatego karty nie można już zmienić. Do czasu decyzji ośrodka możesz ją jeszcze wycofać.',
  withdrawAfterDeadline: (gmina: string) =>
    `Wycofana karta gminy ${gmina} nie będzie oceniana. Termin naboru minął, więc nie będzie można wysłać jej ponownie.`,
};

export type LinkReviewTexts = typeof pl;

export const linkReviewTexts = dictionaryPart<LinkReviewTexts>(pl, {
  en: () => import('./link-review-en.ts').then((module) => module.en),
});

export const useLinkReviewTexts = linkReviewTexts.use;
