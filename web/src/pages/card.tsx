// The route's entry: a card opened by its e-mailed link, and its change (web/src/card/link-page.tsx).
export { CardChangePage, default, textsReady } from '../card/link-page.tsx';
