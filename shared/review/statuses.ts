/**
 * Where a card stands in its assessment, and which step may follow which. The gmina's own status
 * (sent or withdrawn) is kept apart on the card; this is the coordinators' side of it.
 */
export const REVIEW_STATUSES = [
  'sent',
  'needs_correction',
  'formally_rejected',
  'formal_passed',
  'scored',
  'selected',
  'reserve',
  'not_selected',
  'resigned',
  'withdrawn',
] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** What a coordinator does to a card, each a logged step from one status to another. */
export const REVIEW_ACTIONS = [
  'pass_formal',
  'request_correction',
  'reject_formally',
  'score',
  'select',
  'reserve',
  'not_select',
  'resign',
  'reopen',
] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

/** A decision is final for the gmina: it can no longer withdraw or change its card itself. */
export const DECIDED: ReadonlySet<ReviewStatus> = new Set([
  'formally_rejected',
  'selected',
  'reserve',
  'not_selected',
  'resigned',
]);

const FROM: Record<ReviewAction, readonly ReviewStatus[]> = {
  pass_formal: ['sent'],
  request_correction: ['sent', 'formal_passed'],
  // A correction not made by its date ends in rejection; so does a card that fails the check outright.
  reject_formally: ['sent', 'needs_correction', 'formal_passed'],
  // Scores may be revised until a decision is taken.
  score: ['formal_passed', 'scored'],
  select: ['scored', 'reserve'],
  reserve: ['scored', 'not_selected'],
  not_select: ['scored', 'reserve'],
  // A selected gmina that steps down; its place goes to the next on the reserve list.
  resign: ['selected'],
  // Back to the formal check, e.g. a rejection made in error (the reason is logged like every step).
  reopen: ['formally_rejected', 'not_selected'],
};

const TO: Record<ReviewAction, ReviewStatus> = {
  pass_formal: 'formal_passed',
  request_correction: 'needs_correction',
  reject_formally: 'formally_rejected',
  score: 'scored',
  select: 'selected',
  reserve: 'reserve',
  not_select: 'not_selected',
  resign: 'resigned',
  reopen: 'sent',
};

/** The status an action leads to, or undefined where the action does not apply to a card in `from`. */
export function nextStatus(from: ReviewStatus, action: ReviewAction): ReviewStatus | undefined {
  return FROM[action].includes(from) ? TO[action] : undefined;
}

/** The gmina may withdraw its card at any time until a decision about it. */
export function gminaMayWithdraw(status: ReviewStatus): boolean {
  return !DECIDED.has(status) && status !== 'withdrawn';
}

/**
 * A card's review status as stored on its item: `reviewStatus` is written by the first assessment step, so a
 * card nobody has assessed yet is "sent", and one its gmina withdrew is "withdrawn" whatever was assessed.
 * A card a coordinator voided (issue 13) is out of the running as a withdrawn one is; the card says why
 * (its `voided` facts), and the review lists count it among the withdrawn.
 */
export function effectiveStatus(card: {
  status: 'submitted' | 'withdrawn' | 'voided';
  reviewStatus?: ReviewStatus;
}): ReviewStatus {
  return card.status === 'submitted' ? (card.reviewStatus ?? 'sent') : 'withdrawn';
}
