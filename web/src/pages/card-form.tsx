// The route's entry: the karta zgłoszeniowa in steps (web/src/card/form-page.tsx).
export { default, textsReady } from '../card/form-page.tsx';
