// The route's entry: checking a receipt by its reference and digest (web/src/receipt/receipt-page.tsx).
export { default, textsReady } from '../receipt/receipt-page.tsx';
