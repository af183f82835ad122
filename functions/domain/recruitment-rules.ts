import { takesThisCardForm } from '../../shared/card-form-version.ts';
import { gminaIneligibility } from '../../shared/eligibility.ts';
import { DECIDED, effectiveStatus, gminaMayWithdraw } from '../../shared/review/statuses.ts';
import type { TCardAnswers } from '../../shared/schemas/card.ts';
import type { TCall } from '../../shared/schemas/programme.ts';
import type { Gmina } from '../../shared/teryt/index.ts';
import { AppError } from '../lib/errors.ts';
import type { CorrectionRequest } from '../repositories/card-review.ts';
import type { StoredCard } from '../repositories/cards.ts';

/** The server's clock decides: a card counts if it is received before the call's closing instant. */
export function assertCallOpen(call: TCall, now: Date): void {
  // A cancelled call takes nothing more (issue 17), whatever its dates say.
  if (call.cancelled) throw new AppError('CALL_CANCELLED');
  if (now.getTime() < Date.parse(call.opensAt)) throw new AppError('CALL_NOT_OPEN');
  if (now.getTime() >= Date.parse(call.closesAt)) throw new AppError('CALL_CLOSED');
}

/** The ROPS's request for correction, while it is open: until its day ends the link changes the card. */
export function openCorrection(card: StoredCard, now: Date): CorrectionRequest | undefined {
  const { correction } = card.review;
  const status = effectiveStatus({ status: card.status, reviewStatus: card.review.status });
  return status === 'needs_correction' && correction && now.getTime() < Date.parse(correction.until)
    ? correction
    : undefined;
}

/**
 * Whether the gmina may change its card now: never after a decision about it (CARD_DECIDED); while a
 * correction is open, even after the deadline (`correcting`); otherwise while the call is open.
 */
export function assertCardChangeable(call: TCall, card: StoredCard, now: Date): { correcting: boolean } {
  if (DECIDED.has(effectiveStatus({ status: card.status, reviewStatus: card.review.status })))
    throw new AppError('CARD_DECIDED');
  if (openCorrection(card, now)) return { correcting: true };
  assertCallOpen(call, now);
  return { correcting: false };
}

/** A gmina may withdraw its card until a decision about it, after the deadline too (it steps down). */
export function assertCardWithdrawable(card: StoredCard): void {
  if (!gminaMayWithdraw(effectiveStatus({ status: card.status, reviewStatus: card.review.status })))
    throw new AppError('CARD_DECIDED');
}

/** Answers are checked against this code's card: a call made for another version cannot take them. */
export function assertCardForm(call: TCall): void {
  if (!takesThisCardForm(call)) throw new AppError('FORM_VERSION_UNSUPPORTED');
}

/**
 * Checks again what the form's picker checked: the gmina exists, lies in the call's voivodeships and is of
 * an admitted kind; the partner powiat exists in one of the call's voivodeships. Field paths are the request
 * body's.
 */
export async function assertEligible(
  call: TCall,
  answers: TCardAnswers,
): Promise<{ gmina: Gmina; powiatName: string }> {
  // The register (2,477 gminas) is read on first use, not at cold start: only sending and changing a card
  // need it, and only once the request has passed every cheaper check.
  const { findGmina, POWIATY } = await import('../../shared/teryt/index.ts');
  const gmina = findGmina(answers.office.teryt);
  const reason = gminaIneligibility(call, gmina);
  if (reason || !gmina) {
    throw new AppError('GMINA_NOT_ELIGIBLE', {
      fields: { 'answers.office.teryt': reason ?? 'unknown_gmina' },
    });
  }
  assertInvited(call, gmina.teryt);
  const powiat = answers.partner.powiatCode;
  const powiatName = POWIATY.get(powiat);
  if (powiatName === undefined || !call.wojewodztwa.includes(powiat.slice(0, 2))) {
    throw new AppError('VALIDATION_FAILED', { fields: { 'answers.partner.powiatCode': 'powiat' } });
  }
  return { gmina, powiatName };
}

/**
 * The invitation check (issue 17): a call by invitation (`invited` set) takes cards only from the gminas
 * it invited. GMINA_NOT_ELIGIBLE, whose message holds ("this gmina cannot apply to this call"), with the
 * reason on the gmina's field; the form's picker does not know the invitations (the form's route would grow).
 */
export function assertInvited(call: TCall, teryt: string): void {
  if (call.invited && !call.invited.includes(teryt)) {
    throw new AppError('GMINA_NOT_ELIGIBLE', { fields: { 'answers.office.teryt': 'not_invited' } });
  }
}
