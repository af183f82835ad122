import type {
  FORMAL_CHECK_ITEMS as CheckItems,
  DECISION_ACTIONS as DecisionActions,
} from '../../../shared/schemas/review.ts';
import type { CARD_LIST_SORTS as ListSorts } from '../../../shared/schemas/review-lists.ts';

/*
 * The review contracts' lists, copied: imported from shared/schemas, they would bring zod into the panel's
 * chunk, and the bundler would then give zod a chunk the card form's steps share (a file more, and more
 * bytes, on the clerk's form route). The types make each copy equal to its original, item for item.
 */
export const FORMAL_CHECK_ITEMS: typeof CheckItems = [
  'eligible_gmina',
  'complete_data',
  'declarations',
  'signatures',
];
export const DECISION_ACTIONS: typeof DecisionActions = [
  'select',
  'reserve',
  'not_select',
  'resign',
  'reopen',
];
export const CARD_LIST_SORTS: typeof ListSorts = ['sent', 'score', 'name'];
