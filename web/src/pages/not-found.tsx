// The fallback route's entry: any path the table in app.tsx does not name. Public pages reached only from
// e-mails are picked here by their path, so adding one puts no byte into the entry (the route table), which
// every visit downloads, the card form's included (web/src/not-found-page.tsx).
export { default } from '../not-found-page.tsx';
