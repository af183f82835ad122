import type { TAdminUser } from '../../shared/schemas/admin.ts';
import type { TCardAnswers } from '../../shared/schemas/card.ts';
import type {
  TErasureRequest,
  TErasureResponse,
  THeldMail,
  THeldMailQuery,
  TResendMailResponse,
} from '../../shared/schemas/retention.ts';
import { AppError } from '../lib/errors.ts';
import { logger } from '../lib/logger.ts';
import { listCallsOfProgramme } from '../repositories/calls.ts';
import { auditPut, newEntryId } from '../repositories/card-review.ts';
import { getCard } from '../repositories/cards.ts';
import type { Db } from '../repositories/dynamo.ts';
import { cardMessageKey, listHeld, resendHeld } from '../repositories/outbox.ts';
import {
  deleteDraftsOfGmina,
  eraseCardPartition,
  logErasure,
  revokeLinks,
} from '../repositories/retention.ts';
import { requireCardOfGmina, requireProgrammeLed, requireVoivodeship } from './access.ts';

type Deps = { db: Db; now: () => Date };

const CARD_PK = /^CARD#([^#]+)#(\d{7})$/;
const NAME = /^[A-Za-z0-9._-]{1,160}$/;

/**
 * The messages of the user's voivodeships' cards that SES may not have sent (unknown past the grace) or
 * refused for two days (failed), newest first: what a coordinator checks and may resend. Access first: a
 * voivodeship not the user's is 403 before anything is read.
 */
export async function listHeldMail(
  deps: Deps,
  user: TAdminUser,
  query: THeldMailQuery,
): Promise<{ messages: THeldMail[] }> {
  if (query.wojewodztwo) requireVoivodeship(user, query.wojewodztwo);
  const wojewodztwa = query.wojewodztwo ? [query.wojewodztwo] : [...user.wojewodztwa];
  const lists = await Promise.all(wojewodztwa.map((code) => listHeld(deps.db, code, 100)));
  const messages = lists
    .flat()
    .flatMap((held) => {
      const card = CARD_PK.exec(held.pk);
      if (!card || (held.status !== 'unknown' && held.status !== 'failed')) return [];
      const { pk: _pk, sk, status, messageId: _id, ...rest } = held;
      return [{ ...rest, status, callId: card[1] as string, teryt: card[2] as string, name: sk.slice(5) }];
    })
    .sort((a, b) => b.heldAt.localeCompare(a.heldAt));
  return { messages };
}

/**
 * A coordinator of the card's voivodeship resends a held message to the recipients it had (never to an
 * address typed here), as a new record `<name>.resend`: the original is marked resent in the same
 * transaction, conditioned on it not being resent yet, so a double click or two coordinators send it once
 * (409 CONFLICT for the second). Logged in the card's audit log.
 */
export async function resendHeldMail(
  deps: Deps,
  user: TAdminUser,
  input: { callId: string; teryt: string; name: string; reason?: string | undefined },
): Promise<TResendMailResponse> {
  requireCardOfGmina(user, input.teryt);
  if (!NAME.test(input.name)) throw new AppError('NOT_FOUND');
  const key = cardMessageKey(input.callId, input.teryt, input.name);
  const now = deps.now();
  const newName = `${input.name}.resend`;
  const result = await resendHeld(deps.db, {
    key,
    newName,
    by: user.email,
    now,
    log: auditPut(
      deps.db,
      input.callId,
      input.teryt,
      {
        at: now.toISOString(),
        by: user.email,
        action: 'mail_resent',
        reason: `${input.name}${input.reason ? `: ${input.reason}` : ''}`,
      },
      newEntryId(),
    ),
  });
  if (result.outcome === 'gone') throw new AppError('NOT_FOUND');
  if (result.outcome !== 'queued') throw new AppError('CONFLICT', { fields: { name: 'already_resent' } });
  logger.info('held mail resent by a coordinator', { key, by: user.email, as: result.key });
  // The copy goes out through the mail pipeline (the table's stream → the sender), not in this request.
  return { name: newName, status: 'pending' };
}

/**
 * A coordinator of the card's voivodeship revokes every link of a card (a link forwarded to the wrong
 * person, say): reason required, logged. The gmina gets a working link again only through "send my link
 * again", which goes to the card's contact address.
 */
export async function revokeCardLinks(
  deps: Deps,
  user: TAdminUser,
  input: { callId: string; teryt: string; reason: string },
): Promise<{ linkEpoch: number; revokedAt: string }> {
  requireCardOfGmina(user, input.teryt);
  const card = await getCard(deps.db, input.callId, input.teryt);
  if (!card) throw new AppError('NOT_FOUND');
  const revokedAt = deps.now().toISOString();
  const outcome = await revokeLinks(deps.db, {
    callId: input.callId,
    teryt: input.teryt,
    revision: card.review.revision,
    audit: { at: revokedAt, by: user.email, action: 'links_revoked', reason: input.reason },
    id: newEntryId(),
  });
  if (outcome !== 'revoked') throw new AppError('CONFLICT');
  logger.info('card links revoked', { callId: input.callId, teryt: input.teryt, by: user.email });
  return { linkEpoch: (card.linkEpoch ?? 0) + 1, revokedAt };
}

/** What replaces a person's data. */
export const ERASED = '[usunięto: RODO art. 17]';

/**
 * The card's answers without personal data: the contact person wholly, the names of the wójt, the OPS's and
 * the PCPR's heads, and their offices' e-mails and phones. Kept: the gmina, its office's address, NIP and
 * REGON (an office's, not a person's), every figure and the motivation the score was given for.
 */
export function eraseAnswers(answers: TCardAnswers): TCardAnswers {
  return {
    ...answers,
    office: { ...answers.office, head: { ...answers.office.head, name: ERASED } },
    contacts: {
      contact: { name: ERASED, position: ERASED, email: ERASED, phone: ERASED },
      ops: { ...answers.contacts.ops, head: ERASED, email: ERASED, phone: ERASED },
    },
    partner: {
      ...answers.partner,
      pcpr: { ...answers.partner.pcpr, head: ERASED, email: ERASED, phone: ERASED },
    },
  };
}

/**
 * The lead of a programme erases one gmina's personal data in every call of that programme (RODO art. 17):
 * irreversible, so the gmina's TERYT must be typed again in the body. Access first (the programme led, the
 * gmina's voivodeship in reach), then the confirmation, then the cards (answers, versions, e-mail records,
 * notes; links revoked), the gmina's drafts deleted, and the erasure logged in the panel's audit log (who,
 * when, why) and each card's. Kept for the EU audit: reference, dates, status, checklist, scores,
 * decisions and their reasons, the audit and read logs, and the agreement.
 */
export async function eraseGminaData(
  deps: Deps,
  user: TAdminUser,
  input: { teryt: string; request: TErasureRequest },
): Promise<TErasureResponse> {
  requireProgrammeLed(user, input.request.programmeId);
  const wojewodztwo = requireCardOfGmina(user, input.teryt);
  if (!/^\d{7}$/.test(input.teryt)) throw new AppError('NOT_FOUND');
  if (input.request.confirmTeryt !== input.teryt)
    throw new AppError('VALIDATION_FAILED', { fields: { confirmTeryt: 'does_not_match' } });
  const now = deps.now();
  const at = now.toISOString();
  const calls = (await listCallsOfProgramme(deps.db, input.request.programmeId)).filter((call) =>
    call.wojewodztwa.includes(wojewodztwo),
  );
  const cards: string[] = [];
  const erasedIn: string[] = [];
  let items = 0;
  for (const call of calls) {
    items += await deleteDraftsOfGmina(deps.db, call.id, input.teryt);
    const card = await getCard(deps.db, call.id, input.teryt);
    if (!card) continue;
    items += await eraseCardPartition(deps.db, {
      callId: call.id,
      teryt: input.teryt,
      erase: eraseAnswers,
      marker: ERASED,
      at,
      by: user.email,
    });
    cards.push(card.reference);
    erasedIn.push(call.id);
  }
  // Logged once done, with what was done: in the panel's audit log (the lead reads it; there is no event of
  // its own yet, as the panel names each event) and in each erased card's log.
  await logErasure(deps.db, {
    at: now,
    by: user.email,
    teryt: input.teryt,
    wojewodztwo,
    programmeId: input.request.programmeId,
    reason: input.request.reason,
    references: cards,
    calls: erasedIn,
  });
  logger.info('gmina personal data erased', { teryt: input.teryt, by: user.email, cards: cards.length });
  return { erasedAt: at, cards, items };
}
