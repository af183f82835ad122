import { CARD_FORM_VERSION } from '../../shared/card-form-version.ts';
import type { TCardAnswers } from '../../shared/schemas/card.ts';
import type { TCardReceipt } from '../../shared/schemas/submission.ts';
import { canonicalJson, newLinkToken, sha256Hex } from '../lib/crypto.ts';
import { AppError } from '../lib/errors.ts';
import { newEntryId } from '../repositories/card-review.ts';
import { saveNewVersion } from '../repositories/cards.ts';
import type { Db } from '../repositories/dynamo.ts';
import { type RateLimit, takeAttempt } from '../repositories/rate-limits.ts';
import { cardByLink } from './card-by-link.ts';
import { cardConfirmation, cardLinkExpiry } from './links.ts';
import { previousContactNotice } from './office-notices.ts';
import { assertCardChangeable, assertCardForm, assertEligible } from './recruitment-rules.ts';

const CHANGE_LIMIT: RateLimit = { scope: 'card-change', limit: 20, windowSeconds: 3600 };

/**
 * Replaces a card's answers with a new version (every version is kept), or sends a withdrawn card again:
 * until the deadline, or after it while the ROPS's request for correction is open (the new version returns
 * the card to "sent", logged as the gmina's correction); never after a decision.
 * Sending the same answers again changes nothing and returns the current receipt, so a retried request
 * makes no second version and no second e-mail.
 */
export async function changeCard(
  deps: { db: Db; now: () => Date; siteUrl: string },
  input: { token: string; answers: TCardAnswers },
): Promise<TCardReceipt> {
  const { call, card } = await cardByLink(deps, input.token);
  const now = deps.now();
  const { correcting } = assertCardChangeable(call, card, now);
  assertCardForm(call);
  if (input.answers.office.teryt !== card.teryt) {
    throw new AppError('VALIDATION_FAILED', { fields: { 'answers.office.teryt': 'cannot_change_gmina' } });
  }
  const { gmina, powiatName } = await assertEligible(call, input.answers);
  const sha256 = sha256Hex(canonicalJson(input.answers));
  if (sha256 === card.sha256 && card.status === 'submitted') {
    return { reference: card.reference, version: card.version, sha256, receivedAt: card.updatedAt };
  }

  // Every change e-mails the contact person; a limit keeps a leaked link from flooding their inbox.
  if (!(await takeAttempt(deps.db, [[CHANGE_LIMIT, `${call.id}/${card.teryt}`]], now))) {
    throw new AppError('RATE_LIMITED', { headers: { 'retry-after': '3600' } });
  }
  const receivedAt = now.toISOString();
  const version = card.version + 1;
  const receipt: TCardReceipt = { reference: card.reference, version, sha256, receivedAt };
  // The earlier link still works; the e-mail about this version carries a fresh one, as only hashes are kept.
  const token = newLinkToken();
  // A new contact address: the previous one is told, so a changed address cannot quietly take the card over.
  const notice = previousContactNotice({
    call,
    card,
    before: card.answers.contacts.contact.email,
    after: input.answers.contacts.contact.email,
    version,
    at: receivedAt,
  });
  const mailKeys = await saveNewVersion(deps.db, {
    card: {
      ...card,
      status: 'submitted',
      version,
      updatedAt: receivedAt,
      sha256,
      formVersion: CARD_FORM_VERSION,
      answers: input.answers,
    },
    expected: { version: card.version, reviewRevision: card.review.revision },
    corrected: correcting
      ? {
          audit: {
            at: receivedAt,
            by: `gmina:${card.teryt}`,
            action: 'corrected',
            from: 'needs_correction',
            to: 'sent',
          },
          id: newEntryId(),
        }
      : undefined,
    link: { token, expiresAt: cardLinkExpiry(call) },
    mail: cardConfirmation(`card-changed-v${version}`, 'card-changed', deps.siteUrl, {
      call,
      receipt,
      gminaName: gmina.name,
      powiatName,
      answers: input.answers,
      token,
    }),
    notices: notice ? [notice] : [],
  });
  if (!mailKeys) {
    // A twin request (a double click) may have saved these very answers a moment ago: that is success.
    const { card: now } = await cardByLink(deps, input.token);
    if (now.sha256 === sha256 && now.status === 'submitted') {
      return { reference: now.reference, version: now.version, sha256, receivedAt: now.updatedAt };
    }
    throw new AppError('CONFLICT');
  }
  return receipt;
}
