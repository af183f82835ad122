// The route's entry: the call's page (web/src/calls/call-page.tsx).
export { default, textsReady } from '../calls/call-page.tsx';
