import '../pages.css';
import { useRef } from 'preact/hooks';
import { type CallsTexts, callsTexts, useCallsTexts } from '../calls/texts.ts';
import { CallFacts } from '../components/call-facts.tsx';
import { ErrorNotice } from '../components/error-notice.tsx';
import { type ListedCall, listOpenCalls } from '../lib/api.ts';
import { useDocumentTitle } from '../lib/document-title.ts';
import { type Resource, useResource } from '../lib/use-resource.ts';

/** The route loader waits for the page's texts in the current language. */
export const textsReady = callsTexts.load;

/** The home page: what the service is for, and the nabory a gmina can apply to right now. */
export function HomePage() {
  const texts = useCallsTexts();
  useDocumentTitle(texts.home.title);
  const [calls, retry] = useResource('open-calls', listOpenCalls);
  const headingRef = useRef<HTMLHeadingElement>(null);

  return (
    <>
      <h1>{texts.home.heading}</h1>
      <p class="lead">{texts.home.intro}</p>

      <section class="open-calls" aria-labelledby="open-calls-heading">
        <h2 id="open-calls-heading" tabIndex={-1} ref={headingRef}>
          {texts.home.openCalls}
        </h2>
        {/* Present from the first render, so the change from "loading" to the count is announced. */}
        <p class="open-calls__status" role="status">
          {statusText(texts, calls)}
        </p>
        <div class="open-calls__results" aria-busy={calls.status === 'loading'}>
          {calls.status === 'error' ? (
            <ErrorNotice
              title={texts.home.loadFailed}
              error={calls.error}
              onRetry={() => {
                // The retry button disappears while loading; keep keyboard focus somewhere sensible.
                headingRef.current?.focus();
                retry();
              }}
            />
          ) : null}
          {calls.status === 'ready' && calls.data.length === 0 ? <p>{texts.home.emptyHint}</p> : null}
          {calls.status === 'ready' && calls.data.length > 0 ? (
            // role="list" because Safari drops list semantics from lists styled without bullets.
            // biome-ignore lint/a11y/noRedundantRoles: see above
            <ul class="call-list" role="list">
              {calls.data.map((call) => (
                <CallSummary key={call.id} call={call} />
              ))}
            </ul>
          ) : null}
        </div>
      </section>
    </>
  );
}

function statusText(texts: CallsTexts, calls: Resource<ListedCall[]>): string {
  if (calls.status === 'loading') return texts.home.loading;
  if (calls.status === 'error') return '';
  return calls.data.length === 0 ? texts.home.empty : texts.home.found(calls.data.length);
}

function CallSummary(props: { call: ListedCall }) {
  const { call } = props;
  return (
    <li class="call-summary">
      <h3 class="call-summary__title">
        {/* Titles are written in Polish by the ROPS, whatever the interface language. */}
        <a href={`/nabory/${encodeURIComponent(call.id)}`} lang="pl">
          {call.title}
        </a>
      </h3>
      <CallFacts call={call} programmeName={call.programmeName} />
    </li>
  );
}
