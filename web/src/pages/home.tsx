// The route's entry: the open calls (web/src/calls/home-page.tsx).
export { HomePage, textsReady } from '../calls/home-page.tsx';
