// The route's entry: "send my card's link again" (web/src/card/send-link-page.tsx).
export { default, textsReady } from '../card/send-link-page.tsx';
