import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { DECIDED, type ReviewStatus } from '../../../shared/review/statuses.ts';
import { ErrorNotice } from '../components/error-notice.tsx';
import { WarsawTime } from '../components/warsaw-time.tsx';
import { ApiError } from '../lib/api.ts';
import type { AdminCardView } from './api.ts';
import { FormErrors, TextField, useRereadable, useWrite, WriteFailure } from './review-form.tsx';
import { listHeldMail, resendHeldMail, revokeLinks, type THeldMail, voidCard } from './trust-api.ts';
import { useTrustTexts } from './trust-texts.ts';

/**
 * The trust part of a card's screen (issue 13): a voided card's facts (when, who, why) and the gmina's
 * cards voided before in this call; voiding the card (reason required, asked once more: it cannot be
 * undone); revoking its links; and the card's messages that may not have arrived, each resendable once.
 * `onSaved` reads the card again and says what was done; `onReload` reads it again after a 409.
 */
export interface TrustProps {
  view: AdminCardView;
  onSaved: (text: string) => void;
  onReload: () => void;
}

export function VoidedFacts(props: { view: AdminCardView }) {
  const texts = useTrustTexts();
  const { voided, voidedCards } = props.view;
  return (
    <>
      {voided ? (
        <section aria-labelledby="voided-heading">
          <h2 id="voided-heading">{texts.voidedHeading}</h2>
          <dl class="facts">
            <div class="facts__row">
              <dt>{texts.voidedAt}</dt>
              <dd>
                <WarsawTime instant={voided.at} />
              </dd>
            </div>
            <div class="facts__row">
              <dt>{texts.voidedBy}</dt>
              <dd>{voided.by}</dd>
            </div>
            <div class="facts__row">
              <dt>{texts.voidedWhy}</dt>
              <dd class="pre-line" lang="pl">
                {voided.reason}
              </dd>
            </div>
          </dl>
        </section>
      ) : null}
      {voidedCards && voidedCards.length > 0 ? (
        <>
          <h2 id="earlier-voided">{texts.earlierHeading}</h2>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table that scrolls sideways at 320 px must take the keyboard's focus (axe: scrollable-region-focusable) */}
          <section class="table-scroll" aria-labelledby="earlier-voided" tabIndex={0}>
            <table class="table" aria-labelledby="earlier-voided">
              <thead>
                <tr>
                  <th scope="col">{texts.earlierReference}</th>
                  <th scope="col">{texts.earlierSubmitted}</th>
                  <th scope="col">{texts.earlierContact}</th>
                  <th scope="col">{texts.earlierVoided}</th>
                </tr>
              </thead>
              <tbody>
                {voidedCards.map((card) => (
                  <tr key={card.reference}>
                    <th scope="row">{card.reference}</th>
                    <td>
                      <WarsawTime instant={card.submittedAt} />
                      <span class="hint review-block">{texts.earlierVersions(card.versions.length)}</span>
                    </td>
                    <td>
                      {card.contact.name}
                      <span class="hint review-block">{card.contact.email}</span>
                    </td>
                    <td>
                      <WarsawTime instant={card.voided.at} />
                      <span class="hint review-block">{card.voided.by}</span>
                      <span class="review-block pre-line" lang="pl">
                        {card.voided.reason}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      ) : null}
    </>
  );
}

/** Voiding: the reason first, then asked once more (the focus moves to the question), then sent. */
export function VoidCard(props: TrustProps) {
  const texts = useTrustTexts();
  const write = useWrite();
  const { view } = props;
  const [reason, setReason] = useState('');
  const [asking, setAsking] = useState(false);
  const askRef = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (asking) askRef.current?.focus();
  }, [asking]);
  if (view.voided) return null;
  // Its decision, ranking and agreement stand: reopening the review comes first (the API says CARD_DECIDED).
  if (DECIDED.has(view.review.status as ReviewStatus))
    return (
      <section aria-labelledby="void-heading">
        <h2 id="void-heading">{texts.voidHeading}</h2>
        <p>{texts.voidDecided}</p>
      </section>
    );
  const send = () =>
    write.send(
      () => voidCard(view.callId, view.teryt, { revision: view.review.revision, reason: reason.trim() }),
      () => {
        setAsking(false);
        props.onSaved(texts.voidDone);
      },
      (path) => (path === 'reason' ? 'f-void-reason' : undefined),
    );
  return (
    <section aria-labelledby="void-heading">
      <h2 id="void-heading">{texts.voidHeading}</h2>
      <p>{texts.voidIntro}</p>
      <FormErrors state={write.state} ids={['f-void-reason']} />
      <WriteFailure failure={write.state.failure} onReload={props.onReload} onRetry={send} />
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!reason.trim()) write.refuse({ 'f-void-reason': 'required' });
          else {
            write.refuse({});
            setAsking(true);
          }
        }}
      >
        <TextField
          id="f-void-reason"
          name="reason"
          label={texts.voidReason}
          hint={texts.voidReasonHint}
          error={write.state.errors['f-void-reason']}
          value={reason}
          onInput={(value) => {
            setReason(value);
            setAsking(false);
          }}
          multiline
        />
        {asking ? (
          <div class="notice notice--error" tabIndex={-1} ref={askRef}>
            <p class="notice__title">{texts.voidConfirm(view.gminaName)}</p>
            <p role="status" class="visually-hidden">
              {write.state.busy ? texts.saving : ''}
            </p>
            <div class="button-group">
              <button
                type="button"
                class="button button--warning"
                aria-disabled={write.state.busy ? true : undefined}
                onClick={send}
              >
                {texts.voidYes}
              </button>
              <button
                type="button"
                class="button button--secondary"
                onClick={() => {
                  setAsking(false);
                  requestAnimationFrame(() => document.getElementById('void-button')?.focus());
                }}
              >
                {texts.voidNo}
              </button>
            </div>
          </div>
        ) : (
          <button type="submit" id="void-button" class="button button--warning">
            {texts.voidButton}
          </button>
        )}
      </form>
    </section>
  );
}

/** Revoking every link of the card: a reason, logged; the gmina asks for a new link to its contact address. */
export function RevokeLinks(props: TrustProps) {
  const texts = useTrustTexts();
  const write = useWrite();
  const { view } = props;
  const [reason, setReason] = useState('');
  const send = () =>
    write.send(
      () => revokeLinks(view.callId, view.teryt, reason.trim()),
      () => {
        setReason('');
        props.onSaved(texts.revokeDone);
      },
      (path) => (path === 'reason' ? 'f-revoke-reason' : undefined),
    );
  return (
    <section aria-labelledby="revoke-heading">
      <h2 id="revoke-heading">{texts.revokeHeading}</h2>
      <p>{texts.revokeIntro}</p>
      <FormErrors state={write.state} ids={['f-revoke-reason']} />
      <WriteFailure failure={write.state.failure} onReload={props.onReload} onRetry={send} />
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!reason.trim()) write.refuse({ 'f-revoke-reason': 'required' });
          else send();
        }}
      >
        <TextField
          id="f-revoke-reason"
          name="reason"
          label={texts.revokeReason}
          error={write.state.errors['f-revoke-reason']}
          value={reason}
          onInput={setReason}
        />
        <p role="status" class="visually-hidden">
          {write.state.busy ? texts.saving : ''}
        </p>
        <button
          type="submit"
          class="button button--secondary"
          aria-disabled={write.state.busy ? true : undefined}
        >
          {texts.revokeButton}
        </button>
      </form>
    </section>
  );
}

/** The card's held messages (none: nothing shown), each resendable once. */
export function CardHeldMail(props: { view: AdminCardView }) {
  const { view } = props;
  const { shown, retry } = useRereadable(`admin:held:${view.wojewodztwo}`, (signal) =>
    listHeldMail(view.wojewodztwo, signal),
  );
  if (!shown) return null;
  const messages = shown.filter((message) => message.callId === view.callId && message.teryt === view.teryt);
  // Rendered even when none is left, so the notice of the last one's resend stays (and keeps the focus).
  return (
    <HeldMailTable id="card-held" messages={messages} onChanged={retry} headingLevel={2} withCard={false} />
  );
}

/**
 * Held messages with their resend buttons: a resend says what was done in a notice that takes the focus; a
 * 409 says someone resent it already and reads the list again. With none left, `empty` (or nothing) is shown
 * under the notice, which stays: the list read after the last resend must not take the notice away.
 */
export function HeldMailTable(props: {
  id: string;
  messages: THeldMail[];
  onChanged: () => void;
  headingLevel: 2 | 3;
  withCard: boolean;
  heading?: string;
  empty?: string;
}) {
  const texts = useTrustTexts();
  const [outcome, setOutcome] = useState<{ text: string; error?: ApiError; ok: boolean }>();
  const [busy, setBusy] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (outcome) ref.current?.focus();
  }, [outcome]);
  const what = (message: THeldMail) => texts.templates[message.template] ?? message.template;
  const resend = (message: THeldMail) => {
    if (busy) return;
    setBusy(true);
    resendHeldMail(message).then(
      () => {
        setBusy(false);
        setOutcome({ text: texts.resentDone(what(message)), ok: true });
        props.onChanged();
      },
      (error: unknown) => {
        setBusy(false);
        const failure = error instanceof ApiError ? error : new ApiError('BAD_RESPONSE', { cause: error });
        if (failure.code === 'CONFLICT') {
          setOutcome({ text: texts.alreadyResent(what(message)), ok: false });
          props.onChanged();
        } else setOutcome({ text: texts.resendShort, error: failure, ok: false });
      },
    );
  };
  const Heading = props.headingLevel === 2 ? 'h2' : 'h3';
  const headingId = `${props.id}-heading`;
  if (props.messages.length === 0 && !outcome && !props.empty) return null;
  return (
    <section aria-labelledby={headingId}>
      <Heading id={headingId}>{props.heading ?? texts.heldHeading}</Heading>
      {outcome?.error ? (
        <div tabIndex={-1} ref={ref}>
          <ErrorNotice
            title={texts.resendFailed}
            error={outcome.error}
            onRetry={() => setOutcome(undefined)}
          />
        </div>
      ) : outcome ? (
        <div
          class={outcome.ok ? 'notice notice--success' : 'notice notice--error'}
          role={outcome.ok ? 'status' : 'alert'}
          tabIndex={-1}
          ref={ref}
        >
          <p>{outcome.text}</p>
        </div>
      ) : null}
      {props.messages.length === 0 ? (
        props.empty ? (
          <p>{props.empty}</p>
        ) : null
      ) : (
        /* biome-ignore lint/a11y/noNoninteractiveTabindex: a table that scrolls sideways at 320 px must take the keyboard's focus (axe: scrollable-region-focusable) */
        <section class="table-scroll" tabIndex={0} aria-labelledby={headingId}>
          <table class="table" aria-labelledby={headingId}>
            <thead>
              <tr>
                {props.withCard ? <th scope="col">{texts.heldCard}</th> : null}
                <th scope="col">{texts.heldWhat}</th>
                <th scope="col">{texts.heldTo}</th>
                <th scope="col">{texts.heldAt}</th>
                <th scope="col">{texts.heldStatus}</th>
                <th scope="col">{texts.heldAction}</th>
              </tr>
            </thead>
            <tbody>
              {props.messages.map((message) => (
                <tr key={`${message.callId}/${message.teryt}/${message.name}`}>
                  {props.withCard ? (
                    <td>
                      <a
                        href={`/admin/karty/${encodeURIComponent(message.callId)}/${encodeURIComponent(message.teryt)}`}
                      >
                        {message.teryt}
                      </a>
                      <span class="hint review-block">{message.callId}</span>
                    </td>
                  ) : null}
                  <th scope="row">{what(message)}</th>
                  <td>{message.to.join(', ')}</td>
                  <td>
                    <WarsawTime instant={message.heldAt} />
                  </td>
                  <td>
                    {texts.heldStatuses[message.status] ?? message.status}
                    {message.lastError ? <span class="hint review-block">{message.lastError}</span> : null}
                  </td>
                  <td>
                    {message.resentAs ? (
                      texts.resent
                    ) : message.resendable ? (
                      <button
                        type="button"
                        class="button button--secondary"
                        aria-disabled={busy ? true : undefined}
                        onClick={() => resend(message)}
                      >
                        {texts.resendShort}
                        <span class="visually-hidden">: {`${what(message)} (${message.to.join(', ')})`}</span>
                      </button>
                    ) : (
                      texts.notResendable
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </section>
  );
}
