import '../pages.css';
import { useRef } from 'preact/hooks';
import { takesThisCardForm } from '../../../shared/card-form-version.ts';
import type { TRopsContact as RopsContact } from '../../../shared/schemas/contacts.ts';
import { formatWarsaw } from '../../../shared/time.ts';
import { callsTexts, useCallsTexts } from '../calls/texts.ts';
import { CallFacts } from '../components/call-facts.tsx';
import { ErrorNotice } from '../components/error-notice.tsx';
import { RulesText } from '../components/rules-text.tsx';
import { callShape, isCallId, type ListedCall, recentlyListedCall, requestJson } from '../lib/api.ts';
import { useDocumentTitle } from '../lib/document-title.ts';
import { useI18n, wojewodztwoName } from '../lib/i18n.ts';
import { focusHeading } from '../lib/page-focus.ts';
import { reader } from '../lib/shape.ts';
import { useResource } from '../lib/use-resource.ts';
import { InvitationNotice, invitationOf, preselectGmina, useInvitedGmina } from './invitation.tsx';

/**
 * The call as this page reads it: with its cancellation, invitations and attachments (issue 17), which the
 * entry's reader (lib/api.ts, on the card form's route too) leaves out, so the form's route does not grow.
 */
type CallOnPage = ListedCall & {
  contacts?: RopsContact[];
  cancelled?: { at: string; reason: string };
  invited?: string[];
  attachments?: { id: string; name: string; contentType: string; size: number }[];
};
const readCallOnPage = reader<{ call: CallOnPage; contacts?: RopsContact[] }>({
  call: {
    ...callShape,
    programmeName: 'string',
    'cancelled?': { at: 'string', reason: 'string' },
    'invited?': ['string'],
    'attachments?': [{ id: 'string', name: 'string', contentType: 'string', size: 'number' }],
  },
  'contacts?': [
    {
      wojewodztwo: 'string',
      name: 'string',
      address: 'string',
      email: 'string',
      phone: 'string',
      hours: 'string',
      controller: 'string',
      iod: { email: 'string', address: 'string' },
    },
  ],
});
const loadCall = (callId: string, signal: AbortSignal) =>
  requestJson(`/api/calls/${encodeURIComponent(callId)}`, readCallOnPage, { signal }).then(
    ({ call, contacts }) => (contacts ? { ...call, contacts } : call),
  );

const TYPE_NAMES: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'application/vnd.oasis.opendocument.text': 'ODT',
};

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
  // Always asked (the attachments and a cancellation are not in the list), the listed call shown meanwhile.
  const [fresh, retry] = useResource(`call:${callId}`, (signal) => loadCall(callId, signal));
  const listed = recentlyListedCall(callId);
  const call: typeof fresh =
    fresh.status === 'loading' && listed ? { status: 'ready', data: listed as CallOnPage } : fresh;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const gmina = useInvitedGmina();
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
  const closed = Date.parse(data.closesAt) <= now || data.cancelled !== undefined;
  const notYetOpen = Date.parse(data.opensAt) > now;
  const otherForm = !takesThisCardForm(data);
  const invitation = invitationOf(data.invited, gmina);
  const notice = data.cancelled
    ? texts.call.cancelled(formatWarsaw(data.cancelled.at, t.locale))
    : closed
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
          {data.cancelled ? (
            <p>
              {texts.call.cancelledReason} <span lang="pl">{data.cancelled.reason}</span>
            </p>
          ) : null}
        </div>
      ) : null}
      {data.invited ? <InvitationNotice invited={data.invited} gmina={gmina} formOffered={!notice} /> : null}
      <CallFacts call={data} programmeName={data.programmeName} showOpensAt={true} />
      {notice || invitation === 'not-invited' ? null : (
        <>
          <p>{texts.call.startCardHint}</p>
          {/* A link, not a button: it goes to a page (GOV.UK's start button), so it opens in a new tab too. */}
          <a
            class="button button--start"
            href={`/nabory/${encodeURIComponent(data.id)}/zgloszenie`}
            draggable={false}
            onClick={invitation === 'invited' ? () => preselectGmina(data.id, gmina as string) : undefined}
          >
            {texts.call.startCard}
          </a>
        </>
      )}
      <h2>{texts.call.rulesHeading}</h2>
      {data.rules.trim() === '' ? <p>{texts.call.noRules}</p> : <RulesText text={data.rules} />}
      {data.attachments?.length ? (
        <>
          <h2>{texts.call.attachmentsHeading}</h2>
          <ul>
            {data.attachments.map((file) => (
              <li key={file.id}>
                <a
                  href={`/api/calls/${encodeURIComponent(data.id)}/attachments/${file.id}`}
                  download={file.name}
                >
                  {file.name}
                </a>{' '}
                ({texts.call.attachmentSize(sizeOf(file.size, t.locale), TYPE_NAMES[file.contentType] ?? '')})
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {data.contacts?.length ? <Contacts contacts={data.contacts} /> : null}
    </>
  );
}

/**
 * Whom to ask about the call — the ROPS of each of its voivodeships — and who controls the personal data of
 * the cards, with the data protection officer (issue 17). From the API, which has them per voivodeship.
 */
function Contacts(props: { contacts: RopsContact[] }) {
  const { t } = useI18n();
  const texts = useCallsTexts();
  const { contacts } = props;
  const several = contacts.length > 1;
  return (
    <>
      <h2>{texts.call.contactHeading}</h2>
      <p>{texts.call.contactIntro(contacts.length)}</p>
      {contacts.map((rops) => (
        <section key={rops.wojewodztwo} aria-label={several ? rops.name : undefined}>
          {several ? <h3 lang="pl">{rops.name}</h3> : <p lang="pl">{rops.name}</p>}
          <dl class="facts">
            <div class="facts__row">
              <dt>{texts.call.contactAddress}</dt>
              <dd lang="pl">{rops.address}</dd>
            </div>
            <div class="facts__row">
              <dt>{texts.call.contactEmail}</dt>
              <dd>
                <a href={`mailto:${rops.email}`}>{rops.email}</a>
              </dd>
            </div>
            <div class="facts__row">
              <dt>{texts.call.contactPhone}</dt>
              <dd>
                <a href={`tel:${rops.phone.replace(/\s/g, '')}`}>{rops.phone}</a>
              </dd>
            </div>
            <div class="facts__row">
              <dt>{texts.call.contactHours}</dt>
              <dd lang="pl">{rops.hours}</dd>
            </div>
          </dl>
        </section>
      ))}
      <h2>{texts.call.dataHeading}</h2>
      {contacts.map((rops) => (
        <p key={rops.wojewodztwo}>
          {texts.call.dataController(wojewodztwoName(t, rops.wojewodztwo), rops.controller)}{' '}
          {texts.call.dataIod(rops.iod.email, rops.iod.address)}
        </p>
      ))}
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

/** "1,2 MB", "340 kB" in the page's language. */
function sizeOf(bytes: number, locale: string): string {
  const format = (value: number, unit: string) =>
    `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value)} ${unit}`;
  return bytes >= 1_000_000
    ? format(bytes / 1_000_000, 'MB')
    : format(Math.max(1, Math.round(bytes / 1000)), 'kB');
}
