import { GMINA_KIND_BY_RODZ, type GminaKind } from '../../shared/gmina-kinds.ts';
import type {
  TAdminCallsResponse,
  TAdminCardRow,
  TAdminCardView,
  TAdminUser,
} from '../../shared/schemas/admin.ts';
import { scanHref } from '../../shared/schemas/registration.ts';
import { AppError } from '../lib/errors.ts';
import { securityLog } from '../lib/security-log.ts';
import { cardSummary } from '../mail/card-summary.ts';
import { getCall } from '../repositories/calls.ts';
import { newEntryId } from '../repositories/card-review.ts';
import type { CardRecord } from '../repositories/cards.ts';
import type { Db } from '../repositories/dynamo.ts';
import { listCallHeads } from '../repositories/review-lists.ts';
import { getCardForReview, logCardRead } from '../repositories/reviews.ts';
import { requireCardOfGmina, seenOf, visibleVoivodeships } from './access.ts';
import { cardReview } from './card-review-view.ts';

/** What a signed-in coordinator reads: the calls and cards of the voivodeships they see (access.ts). */
type Deps = { db: Db; now: () => Date };

export async function listReviewCalls(deps: Deps, user: TAdminUser): Promise<TAdminCallsResponse> {
  const calls = await listCallHeads(deps.db, visibleVoivodeships(user));
  return {
    user,
    calls: calls
      .map((call) => ({ ...call, wojewodztwa: seenOf(user, call.wojewodztwa) }))
      .filter((call) => call.wojewodztwa.length > 0)
      .sort(byReviewOrder(deps.now())),
  };
}

/**
 * The panel opens on the call a coordinator most likely came for: open ones first (nearest deadline
 * first), then closed ones, newest first (being assessed), then those not open yet, soonest first.
 */
type CallTimes = { id: string; opensAt: string; closesAt: string };

function byReviewOrder(now: Date): (a: CallTimes, b: CallTimes) => number {
  const at = now.toISOString();
  const phase = (call: CallTimes) => (call.closesAt <= at ? 1 : call.opensAt <= at ? 0 : 2);
  return (a, b) => {
    const [first, second] = [phase(a), phase(b)];
    if (first !== second) return first - second;
    const order =
      first === 0
        ? a.closesAt.localeCompare(b.closesAt)
        : first === 1
          ? b.closesAt.localeCompare(a.closesAt)
          : a.opensAt.localeCompare(b.opensAt);
    return order || a.id.localeCompare(b.id);
  };
}

/** What a row shows of a card (the list's projection, or the whole card). */
type CardFacts = Pick<
  CardRecord,
  'teryt' | 'gminaName' | 'powiatCode' | 'submittedAt' | 'reference' | 'status' | 'version' | 'firstVersion'
>;

function rowStatus(card: Pick<CardFacts, 'status' | 'version' | 'firstVersion'>): TAdminCardRow['status'] {
  if (card.status !== 'submitted') return 'withdrawn';
  return card.version > (card.firstVersion ?? 1) ? 'changed' : 'submitted';
}

/** Powiat names come from the TERYT register, loaded (a data file) on the first list or card shown. */
export async function powiatNames(): Promise<ReadonlyMap<string, string>> {
  return (await import('../../shared/teryt/index.ts')).POWIATY;
}

export function toRow(card: CardFacts, powiaty: ReadonlyMap<string, string>): TAdminCardRow {
  return {
    teryt: card.teryt,
    gminaName: card.gminaName,
    powiatName: powiaty.get(card.powiatCode) ?? card.powiatCode,
    kind: GMINA_KIND_BY_RODZ[card.teryt.slice(6)] as GminaKind,
    submittedAt: card.submittedAt,
    reference: card.reference,
    status: rowStatus(card),
    version: card.version,
  };
}

const TERYT = /^\d{7}$/;

export async function reviewCard(
  deps: Deps,
  user: TAdminUser,
  input: { callId: string; teryt: string },
): Promise<TAdminCardView> {
  if (!TERYT.test(input.teryt)) throw new AppError('NOT_FOUND');
  const wojewodztwo = requireCardOfGmina(user, input.teryt);
  const [call, found, powiaty] = await Promise.all([
    getCall(deps.db, input.callId),
    getCardForReview(deps.db, input.callId, input.teryt),
    powiatNames(),
  ]);
  if (!call?.wojewodztwa.includes(wojewodztwo) || !found) throw new AppError('NOT_FOUND');
  const { card } = found;
  // The partition's versions: this card's from its first; a voided card's are listed with it (issue 13).
  const first = card.firstVersion ?? 1;
  const versions = found.versions.filter((version) => version.version >= first);
  const review = await cardReview(deps.db, { call, wojewodztwo, ...found, versions });
  // Accountability: who read which gmina's data, and when (by card, and by user through gsi1).
  const at = deps.now().toISOString();
  await logCardRead(deps.db, { callId: call.id, teryt: card.teryt, by: user.email, at, id: newEntryId() });
  securityLog({ event: 'card-read', actor: user.email, subject: `${call.id}/${card.teryt}` });
  return {
    callId: call.id,
    callTitle: call.title,
    wojewodztwo,
    ...toRow(card, powiaty),
    updatedAt: card.updatedAt,
    sha256: card.sha256,
    // The confirmation e-mail's labelled rows, in Polish, the language of the procedure: the site's own
    // answers summary would bring the card form's code (zod, the card's schema) into the panel's chunks.
    summary: cardSummary(
      card.answers,
      card.gminaName,
      powiaty.get(card.answers.partner.powiatCode) ?? card.answers.partner.powiatCode,
    ),
    versions: versions.map(({ version, receivedAt, sha256 }) => ({ version, receivedAt, sha256 })),
    review,
    ...(card.channel && card.receivedOn && card.registeredAt && card.registeredBy && card.scan
      ? {
          registration: {
            channel: card.channel,
            receivedOn: card.receivedOn,
            registeredAt: card.registeredAt,
            registeredBy: card.registeredBy,
            scan: {
              href: scanHref(call.id, card.teryt),
              sha256: card.scan.sha256,
              size: card.scan.size,
              contentType: card.scan.contentType,
            },
          },
        }
      : {}),
    ...(card.voided ? { voided: card.voided } : {}),
    ...(found.voidedCards.length > 0
      ? {
          voidedCards: found.voidedCards.map(({ firstVersion, lastVersion, contact, ...voided }) => ({
            ...voided,
            contact: {
              name: contact.name,
              position: contact.position,
              email: contact.email,
              phone: contact.phone,
            },
            versions: found.versions
              .filter((version) => version.version >= firstVersion && version.version <= lastVersion)
              .map(({ version, receivedAt, sha256 }) => ({ version, receivedAt, sha256 })),
          })),
        }
      : {}),
  };
}
