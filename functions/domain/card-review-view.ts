import { diffAnswers } from '../../shared/review/diff.ts';
import { type ScoreBreakdown, type ScoringInput, scoreCard } from '../../shared/review/scoring.ts';
import { effectiveStatus } from '../../shared/review/statuses.ts';
import { reviewWarnings } from '../../shared/review/warnings.ts';
import type { TCall } from '../../shared/schemas/programme.ts';
import { FORMAL_CHECK_ITEMS, type TCardReview } from '../../shared/schemas/review.ts';
import type { AuditEntry } from '../repositories/card-review.ts';
import type { StoredCard } from '../repositories/cards.ts';
import type { Db } from '../repositories/dynamo.ts';
import { cardIdentities, type Note, type ReviewedVersion } from '../repositories/reviews.ts';
import { currentRules } from './call-rules.ts';

/** The review part of a card's page in the panel (ZCardReview): coordinators only, never the gmina. */

const SHORT = 200;

/** A value of the answers as a line of the changes table: arrays listed, long text cut. */
function shortText(value: unknown): string {
  const text =
    value === undefined || value === null
      ? ''
      : Array.isArray(value)
        ? value.map(shortText).join(', ')
        : typeof value === 'object'
          ? JSON.stringify(value)
          : String(value);
  return text.length > SHORT ? `${text.slice(0, SHORT - 1)}…` : text;
}

function changesOf(versions: readonly ReviewedVersion[]): TCardReview['changes'] {
  return versions.slice(1).map((version, index) => ({
    version: version.version,
    fields: diffAnswers(versions[index]?.answers, version.answers).map((change) => ({
      path: change.path,
      before: shortText(change.before),
      after: shortText(change.after),
    })),
  }));
}

/** Before any score, the computed criteria under the rules in force; manual ones appear once scored. */
function unscored(score: ScoreBreakdown): ScoreBreakdown {
  return { ...score, criteria: score.criteria.filter((criterion) => !score.missing.includes(criterion.id)) };
}

export async function cardReview(
  db: Db,
  input: {
    call: TCall;
    wojewodztwo: string;
    card: StoredCard;
    audit: AuditEntry[];
    notes: Note[];
    versions: ReviewedVersion[];
  },
): Promise<TCardReview> {
  const { call, card } = input;
  const { review, answers } = card;
  const [score, others] = await Promise.all([
    review.score ??
      currentRules(db, call).then(({ rules }) =>
        unscored(scoreCard(rules, answers as unknown as ScoringInput, {})),
      ),
    cardIdentities(db, call.id, input.wojewodztwo),
  ]);
  const { office, criteria } = answers;
  return {
    status: effectiveStatus({ status: card.status, reviewStatus: review.status }),
    revision: review.revision,
    checklist: FORMAL_CHECK_ITEMS.map((id) => review.checklist?.find((item) => item.id === id) ?? { id }),
    ...(review.correction ? { correction: review.correction } : {}),
    score,
    notes: input.notes,
    audit: input.audit,
    changes: changesOf(input.versions),
    warnings: reviewWarnings(
      {
        teryt: card.teryt,
        gminaName: card.gminaName,
        nip: office.nip,
        regon: office.regon,
        wojewodztwo: input.wojewodztwo,
        postalCode: office.address.postalCode,
        figures: {
          population: criteria.population.value,
          incomePerInhabitant: criteria.incomePerInhabitant.value,
          solectwa: criteria.solectwa.value,
        },
      },
      others,
    ).map(({ code, message }) => ({ code, message })),
  };
}
