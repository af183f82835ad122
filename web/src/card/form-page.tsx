import { useEffect, useState } from 'preact/hooks';
import { takesThisCardForm } from '../../../shared/card-form-version.ts';
import { getDraft, submitCard } from '../card/api.ts';
import { CardForm, type FormSetup } from '../card/card-form.tsx';
import { draftLinkToken, forgetDraftLinkToken, readFlow, useFlow, writeFlow } from '../card/flow.ts';
import { cardLinkHref } from '../card/form-common.tsx';
import { type Answers, firstIncompleteStep } from '../card/model.ts';
import { cardTexts, useCardTexts } from '../card/texts.ts';
import { ErrorNotice } from '../components/error-notice.tsx';
import { Titled } from '../components/titled.tsx';
import { ApiError, getCall, isCallId, recentlyListedCall } from '../lib/api.ts';
import { useI18n } from '../lib/i18n.ts';
import { useLocation } from '../lib/router.ts';
import { useResource } from '../lib/use-resource.ts';

/** The route loader waits for the card texts in the current language, so the page never shows a mix. */
export const textsReady = cardTexts.load;

const flowKey = (callId: string) => `kooperacja.karta.${callId}`;
const formBase = (callId: string) => `/nabory/${encodeURIComponent(callId)}/zgloszenie`;

/**
 * /nabory/:callId/zgloszenie/:step? — the karta zgłoszeniowa of a nabór, one section per step, then the
 * check page, the confirmation and save-and-return. Opened from a draft link (#szkic=<token>), it first
 * restores the saved answers and carries on where the clerk stopped.
 */
export default function CardFormPage(props: { callId?: string; step?: string }) {
  const callId = props.callId ?? '';
  const { t } = useI18n();
  if (!isCallId(callId)) {
    return (
      <Titled title={t.call.notFoundTitle}>
        <h1>{t.call.notFoundTitle}</h1>
        <p>{t.call.notFoundBody}</p>
      </Titled>
    );
  }
  // One per call: a draft being restored (or its failure) belongs to the form of its own call.
  return <NewCard key={callId} callId={callId} step={props.step} />;
}

type Restore =
  | { status: 'loading' }
  | { status: 'done' }
  | { status: 'sent'; callId: string; teryt: string }
  | { status: 'failed'; error: ApiError };

function NewCard(props: { callId: string; step: string | undefined }) {
  const { callId } = props;
  const { t } = useI18n();
  const texts = useCardTexts();
  const { route } = useLocation();
  const [flow, update] = useFlow(flowKey(callId));
  const [call, retryCall] = useResource(
    `call:${callId}`,
    (signal) => getCall(callId, signal),
    () => recentlyListedCall(callId),
  );
  const [draftToken, setDraftToken] = useState(() => draftLinkToken(callId));
  const [restore, setRestore] = useState<Restore | undefined>(draftToken ? { status: 'loading' } : undefined);
  const [attempt, setAttempt] = useState(0);

  // A draft link opened in a tab already showing the form changes only the fragment: no reload, so listen.
  useEffect(() => {
    const onLink = () => {
      if (!location.hash.includes('szkic=')) return;
      const token = draftLinkToken(callId);
      if (!token) return;
      setDraftToken(token);
      setRestore({ status: 'loading' });
    };
    addEventListener('hashchange', onLink);
    return () => removeEventListener('hashchange', onLink);
  }, []);

  useEffect(() => {
    if (!draftToken) return;
    const controller = new AbortController();
    getDraft(draftToken, controller.signal).then(
      (draft) => {
        forgetDraftLinkToken();
        if (draft.cardSent) {
          setRestore({ status: 'sent', callId: draft.callId, teryt: String(draft.answers.office?.teryt) });
          return;
        }
        const answers = draft.answers as Answers;
        const restored = { ...readFlow(flowKey(draft.callId)), answers, draftToken, draftEmail: draft.email };
        // The link names its call; a draft of another call (an edited address) goes to that call's form.
        if (draft.callId === callId) update(() => restored);
        else writeFlow(flowKey(draft.callId), restored);
        setRestore({ status: 'done' });
        route(`${formBase(draft.callId)}/${firstIncompleteStep(answers)}`, true);
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        // Only a failure of the link (offline, no answer in time) is tried again on a reload; one the
        // server gave will be the same next time, and the form must not stay stuck on it.
        if (!(error instanceof ApiError && (error.code === 'NETWORK' || error.code === 'TIMEOUT')))
          forgetDraftLinkToken();
        setRestore({
          status: 'failed',
          error: error instanceof ApiError ? error : new ApiError('BAD_RESPONSE', { cause: error }),
        });
      },
    );
    return () => controller.abort();
  }, [draftToken, attempt]);

  if (restore?.status === 'loading') {
    return (
      <Titled title={texts.cardTitle}>
        <p role="status">{texts.restore.loading}</p>
      </Titled>
    );
  }
  if (restore?.status === 'sent') {
    return (
      <Titled title={texts.restore.sent}>
        <h1>{texts.restore.sent}</h1>
        <p>{t.errors.CARD_EXISTS}</p>
        <p>
          <a href={cardLinkHref(restore.callId, restore.teryt)}>{texts.form.cardLinkOffer}</a>
        </p>
        <p>
          <a href={`/nabory/${encodeURIComponent(restore.callId)}`}>{texts.form.backToCall}</a>
        </p>
      </Titled>
    );
  }
  if (restore?.status === 'failed') {
    return (
      <Titled title={texts.restore.failed}>
        <h1>{texts.restore.failed}</h1>
        {restore.error.code === 'LINK_INVALID' ? (
          <p>{t.errors.LINK_INVALID}</p>
        ) : (
          <ErrorNotice
            title={texts.restore.failed}
            error={restore.error}
            onRetry={() => {
              setRestore({ status: 'loading' });
              setAttempt((n) => n + 1);
            }}
          />
        )}
      </Titled>
    );
  }
  if (call.status === 'loading') {
    return (
      <Titled title={texts.cardTitle}>
        <p role="status">{t.call.loading}</p>
      </Titled>
    );
  }
  if (call.status === 'error') {
    const title = call.error.code === 'NOT_FOUND' ? t.call.notFoundTitle : texts.cardTitle;
    return (
      <Titled title={title}>
        <h1>{title}</h1>
        {call.error.code === 'NOT_FOUND' ? (
          <p>{t.call.notFoundBody}</p>
        ) : (
          <ErrorNotice title={t.call.loadFailed} error={call.error} onRetry={retryCall} />
        )}
      </Titled>
    );
  }

  const data = call.data;
  const callHref = `/nabory/${encodeURIComponent(callId)}`;
  // The browser's clock only decides what to offer; the API decides what it accepts (CALL_CLOSED).
  const open = Date.parse(data.opensAt) <= Date.now() && Date.now() < Date.parse(data.closesAt);
  const otherForm = !takesThisCardForm(data);
  if ((!open || otherForm) && props.step !== 'wyslano') {
    return (
      <Titled title={data.title}>
        <a class="back-link" href={callHref}>
          {texts.form.backToCall}
        </a>
        <h1 lang="pl">{data.title}</h1>
        <div class="notice">
          <p>{otherForm ? t.errors.FORM_VERSION_UNSUPPORTED : texts.form.callClosed}</p>
        </div>
      </Titled>
    );
  }

  const setup: FormSetup = {
    mode: 'new',
    base: formBase(callId),
    exitHref: callHref,
    call: data,
    callId,
    send: (card, key) => submitCard(callId, card, key),
  };
  return (
    <CardForm
      setup={setup}
      step={props.step}
      flow={flow}
      update={update}
      notice={restore?.status === 'done' ? texts.restore.done : undefined}
    />
  );
}
