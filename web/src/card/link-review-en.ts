import type { LinkReviewTexts } from './link-review.ts';

/** English texts of link-review.ts. */
export const en: LinkReviewTexts = {
  correctionTitle: 'The centre asks you to correct the card',
  correctionUntil: 'You can make changes until',
  correctionHow: 'Change the card with the “Change the card” button below and send it again before then.',
  decided:
    'The centre has made a decision about this card. It can no longer be changed or withdrawn. The decision was e-mailed to the contact person.',
  closedWithdrawable:
    'The deadline has passed, so the card can no longer be changed. Until the centre decides, you can still withdraw it.',
  withdrawAfterDeadline: (gmina) =>
    `The withdrawn card of ${gmina} will not be assessed. The deadline has passed, so it cannot be sent again.`,
};
