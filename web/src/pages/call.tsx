import { useRef } from 'preact/hooks';
import { takesThisCardForm } from '../../../shared/card-form-version.ts';
import { callsTexts, useCallsTexts } from '../calls/texts.ts';
import { CallFacts } from '../components/call-facts.tsx';
import { ErrorNotice } from '../components/error-notice.tsx';
import { RulesText } from '../components/rules-text.tsx';
import { getCall, isCallId, recentlyListedCall } from '../lib/api.ts';
import { useDocumentTitle } from '../lib/document-title.ts';
import { useI18n } from '../lib/i18n.ts';
import { focusHeading } from '../lib/page-focus.ts';
import { useResource } from '../lib/use-resource.ts';

/** The route loader waits for the page's texts in the current language. */
export const textsReady = callsTexts.load;

/** /nabory/:callId — one nabór: its facts, whether it is still open, and its rules. */
export default function CallPage(props: { callId?: string }) {
  const callId = props.callId ?? '';
  return isCallId(callId) ? <CallDetails callId={callId} /> : <MalformedCallId />;
}

/** An id that cannot exist is answered without a request. */
function MalformedCallId() {
  const { t } = useI18n();
  useDocumentTitle(t.call.notFoundTitle);
  return <CallNotFound />;
}

function CallDetails(props: { callId: string }) {
  const { t } = useI18n();
  const texts = useCallsTexts();
  const { callId } = props;
  const [call, retry] = useResource(
    `call:${callId}`,
    (signal) => getCall(callId, signal),
    () => recentlyListedCall(callId),
  );
  const headingRef = useRef<HTMLHeadingElement>(null);
  const notFound = call.status === 'error' && call.error.code === 'NOT_FOUND';
  useDocumentTitle(
    call.status === 'ready'
      ? call.data.title
      : notFound
        ? t.call.notFoundTitle
        : texts.call.titleWhileLoading,
  );

  if (notFound) return <CallNotFound />;

  if (call.status !== 'ready') {
    // As components/loading-or-failed.tsx, kept apart: shared with the panel, that was a chunk of its own,
    // a file more and +0.26 KB gzipped on this page, and 51 bytes more in the entry every page loads.
    return (
      <>
        <BackLink />
        <h1 ref={headingRef}>{texts.call.titleWhileLoading}</h1>
        <p role="status">{call.status === 'loading' ? t.call.loading : ''}</p>
        {call.status === 'error' ? (
          <ErrorNotice
            title={t.call.loadFailed}
            error={call.error}
            onRetry={() => {
              focusHeading(headingRef.current);
              retry();
            }}
          />
        ) : null}
      </>
    );
  }

  const data = call.data;
  // The browser's clock only words a notice; whether an application is accepted is the server's decision.
  const now = Date.now();
  const closed = Date.parse(data.closesAt) <= now;
  const notYetOpen = Date.parse(data.opensAt) > now;
  const otherForm = !takesThisCardForm(data);
  const notice = closed
    ? texts.call.closed
    : notYetOpen
      ? texts.call.notYetOpen
      : otherForm
        ? t.errors.FORM_VERSION_UNSUPPORTED
        : '';
  return (
    <>
      <BackLink />
      <h1 lang="pl">{data.title}</h1>
      {notice ? (
        <div class="notice">
          <p>{notice}</p>
        </div>
      ) : null}
      <CallFacts call={data} programmeName={data.programmeName} showOpensAt={true} />
      {notice ? null : (
        <>
          <p>{texts.call.startCardHint}</p>
          {/* A link, not a button: it goes to a page (GOV.UK's start button), so it opens in a new tab too. */}
          <a
            class="button button--start"
            href={`/nabory/${encodeURIComponent(data.id)}/zgloszenie`}
            draggable={false}
          >
            {texts.call.startCard}
          </a>
        </>
      )}
      <h2>{texts.call.rulesHeading}</h2>
      {data.rules.trim() === '' ? <p>{texts.call.noRules}</p> : <RulesText text={data.rules} />}
    </>
  );
}

function BackLink() {
  const texts = useCallsTexts();
  return (
    <a class="back-link" href="/">
      {texts.call.backToList}
    </a>
  );
}

/** The text of a 404; the caller sets the document title (a child's effect would be overwritten). */
function CallNotFound() {
  const { t } = useI18n();
  return (
    <>
      <h1>{t.call.notFoundTitle}</h1>
      <p>{t.call.notFoundBody}</p>
      <p>
        <a href="/">{t.notFound.homeLink}</a>
      </p>
    </>
  );
}
