import { gminaIneligibility } from '../../shared/eligibility.ts';
import type { TCardAnswers } from '../../shared/schemas/card.ts';
import type { TCall } from '../../shared/schemas/programme.ts';
import { findGmina, type Gmina, POWIATY } from '../../shared/teryt/index.ts';
import { AppError } from '../lib/errors.ts';

/** The server's clock decides: a card counts if it is received before the call's closing instant. */
export function assertCallOpen(call: TCall, now: Date): void {
  if (now.getTime() < Date.parse(call.opensAt)) throw new AppError('CALL_NOT_OPEN');
  if (now.getTime() >= Date.parse(call.closesAt)) throw new AppError('CALL_CLOSED');
}

/**
 * Checks again what the form's picker checked: the gmina exists, lies in the call's voivodeships and is of
 * an admitted kind; the partner powiat exists in one of the call's voivodeships. Field paths are the request
 * body's.
 */
export function assertEligible(call: TCall, answers: TCardAnswers): Gmina {
  const gmina = findGmina(answers.office.teryt);
  const reason = gminaIneligibility(call, gmina);
  if (reason || !gmina) {
    throw new AppError('GMINA_NOT_ELIGIBLE', {
      fields: { 'answers.office.teryt': reason ?? 'unknown_gmina' },
    });
  }
  const powiat = answers.partner.powiatCode;
  if (!POWIATY.has(powiat) || !call.wojewodztwa.includes(powiat.slice(0, 2))) {
    throw new AppError('VALIDATION_FAILED', { fields: { 'answers.partner.powiatCode': 'powiat' } });
  }
  return gmina;
}

export function cardUrl(siteUrl: string, token: string): string {
  return `${siteUrl}/karta#t=${token}`;
}

export function receiptUrl(
  siteUrl: string,
  receipt: { reference: string; sha256: string; version: number },
): string {
  return `${siteUrl}/potwierdzenie?ref=${encodeURIComponent(receipt.reference)}&sha256=${receipt.sha256}&version=${receipt.version}`;
}

export function draftUrl(siteUrl: string, callId: string, token: string): string {
  return `${siteUrl}/nabory/${encodeURIComponent(callId)}/zgloszenie#szkic=${token}`;
}

/** Link tokens of a card keep working for reading it long after the call (changes stop at the deadline). */
export function cardLinkExpiry(call: TCall): Date {
  return new Date(Date.parse(call.closesAt) + 365 * 86_400_000);
}
