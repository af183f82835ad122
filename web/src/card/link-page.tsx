import '../pages.css';
import { useEffect, useRef, useState } from 'preact/hooks';
import { AnswersSummary } from '../card/answers-summary.tsx';
import { type CardView, changeCard } from '../card/api.ts';
import { CardForm, type FormSetup } from '../card/card-form.tsx';
import { cardToken, useFlow, writeFlow } from '../card/flow.ts';
import {
  getReviewedCard,
  linkReviewTexts,
  type ReviewedCardView,
  useLinkReviewTexts,
  withdrawCard,
} from '../card/link-review.ts';
import { type Answers, STEPS } from '../card/model.ts';
import { pageTexts, usePageTexts } from '../card/page-texts.ts';
import { cardTexts, useCardTexts } from '../card/texts.ts';
import { ErrorNotice } from '../components/error-notice.tsx';
import { GminaRops } from '../components/rops-contact.tsx';
import { Titled } from '../components/titled.tsx';
import { WarsawTime } from '../components/warsaw-time.tsx';
import { ApiError } from '../lib/api.ts';
import { useI18n } from '../lib/i18n.ts';
import { focusHeading } from '../lib/page-focus.ts';
import { useLocation } from '../lib/router.ts';
import { useResource } from '../lib/use-resource.ts';

/** The route loader waits for the card texts in the current language, so the page never shows a mix. */
export const textsReady = () =>
  Promise.all([cardTexts.load(), pageTexts.load(), linkReviewTexts.load()]).then(() => {});

/** Changes to a sent card, kept apart from any new card being filled in the same tab. */
const CHANGE_FLOW = 'kooperacja.karta.zmiana';

/**
 * /karta (and /karta/wycofaj) — the card a gmina sent, opened from the link in the confirmation e-mail
 * (/karta#t=<token>): its status, receipt and answers; until the deadline, changing or withdrawing it. An
 * open request for correction from the ROPS is said first, and its day is the new limit for changes; the
 * card may be withdrawn until a decision about it, also after the deadline; a decided card offers neither.
 */
export default function CardPage(props: { action?: string }) {
  const texts = useCardTexts();
  const pages = usePageTexts();
  const [token, setToken] = useState(cardToken);
  // A link opened in a tab already showing this page changes only the fragment: no reload, so listen.
  useEffect(() => {
    const onLink = () => {
      if (location.hash.startsWith('#t=')) setToken(cardToken());
    };
    addEventListener('hashchange', onLink);
    return () => removeEventListener('hashchange', onLink);
  }, []);
  if (!token) {
    return (
      <Titled title={texts.cardTitle}>
        <h1>{texts.cardTitle}</h1>
        <p>{pages.card.noLink}</p>
      </Titled>
    );
  }
  return <CardDetails key={token} token={token} action={props.action} />;
}

function CardDetails(props: { token: string; action: string | undefined }) {
  const { token } = props;
  const texts = useCardTexts();
  const pages = usePageTexts();
  const review = useLinkReviewTexts();
  const { route } = useLocation();
  const [card, retry] = useResource(`card:${token}`, (signal) => getReviewedCard(token, signal));
  // What DELETE answered: the card as it is after withdrawal, without asking again.
  const [afterWithdrawal, setAfterWithdrawal] = useState<ReviewedCardView>();
  const headingRef = useRef<HTMLHeadingElement>(null);

  if (card.status !== 'ready' && !afterWithdrawal) {
    const invalid = card.status === 'error' && card.error.code === 'LINK_INVALID';
    // As components/loading-or-failed.tsx, kept apart: shared with the panel, that was a chunk of its own,
    // a file more and +0.26 KB gzipped on this page, and 51 bytes more in the entry every page loads.
    return (
      <Titled title={texts.cardTitle}>
        <h1 ref={headingRef}>{texts.cardTitle}</h1>
        <p role="status">{card.status === 'loading' ? pages.card.loading : ''}</p>
        {invalid ? <p>{pages.card.linkInvalid}</p> : null}
        {card.status === 'error' && !invalid ? (
          <ErrorNotice
            title={pages.card.loadFailed}
            error={card.error}
            onRetry={() => {
              focusHeading(headingRef.current);
              retry();
            }}
          />
        ) : null}
      </Titled>
    );
  }

  const view = afterWithdrawal ?? (card.status === 'ready' ? card.data : undefined);
  if (!view) return null;
  // The browser's clock only decides what to offer; the API refuses changes after the deadline anyway
  // (`editableUntil` is the correction's day while the ROPS's request is open).
  const open = Date.now() < Date.parse(view.editableUntil) && !view.decided;
  const editable = open && view.status === 'submitted';
  // Withdrawing is allowed until a decision, whatever the deadline.
  const withdrawable = view.status === 'submitted' && !view.decided;
  const correction =
    view.correction && !view.decided && view.status === 'submitted' ? view.correction : undefined;
  if (props.action === 'wycofaj' && withdrawable) {
    return (
      <Withdraw
        token={token}
        view={view}
        closed={!open}
        onWithdrawn={(withdrawn) => {
          setAfterWithdrawal(withdrawn);
          route('/karta');
        }}
      />
    );
  }

  const latest = view.versions[view.versions.length - 1];
  const status = (pages.card.statuses as Record<string, string>)[view.status] ?? view.status;
  return (
    <Titled title={pages.card.titleOf(view.gminaName)}>
      {afterWithdrawal ? (
        <div class="notice" role="status">
          <p>{pages.card.justWithdrawn}</p>
        </div>
      ) : null}
      <h1>{pages.card.titleOf(view.gminaName)}</h1>
      {correction ? (
        // What the ROPS asks for comes first: it is why the clerk opened this link.
        <div class="notice">
          <h2 class="notice__heading">{review.correctionTitle}</h2>
          <div lang="pl">
            {correction.what.split('\n').map((line, index) => (
              <p key={index}>{line}</p>
            ))}
          </div>
          <p>
            {review.correctionUntil}{' '}
            <strong>
              <WarsawTime instant={correction.until} />
            </strong>
            .
          </p>
          <p>{review.correctionHow}</p>
        </div>
      ) : null}
      {view.decided ? (
        <div class="notice">
          <p>{review.decided}</p>
        </div>
      ) : null}
      <dl class="facts">
        <div class="facts__row">
          <dt>{pages.card.call}</dt>
          <dd lang="pl">{view.callTitle}</dd>
        </div>
        <div class="facts__row">
          <dt>{pages.card.status}</dt>
          <dd>
            <strong class={view.status === 'withdrawn' ? 'tag tag--grey' : 'tag'}>{status}</strong>
          </dd>
        </div>
        <div class="facts__row">
          <dt>{pages.card.reference}</dt>
          <dd>
            <strong class="reference reference--inline">{view.reference}</strong>
          </dd>
        </div>
        <div class="facts__row">
          <dt>{pages.card.version}</dt>
          <dd>{view.version}</dd>
        </div>
        <div class="facts__row">
          <dt>{pages.card.receivedAt}</dt>
          <dd>
            <WarsawTime instant={latest?.receivedAt ?? view.updatedAt} />
          </dd>
        </div>
        {latest ? (
          <div class="facts__row">
            <dt>{pages.card.sha256}</dt>
            <dd>
              <code class="digest">{latest.sha256}</code>
            </dd>
          </div>
        ) : null}
        {view.decided ? null : (
          <div class="facts__row">
            <dt>{pages.card.editableUntil}</dt>
            <dd>
              <WarsawTime instant={view.editableUntil} />
            </dd>
          </div>
        )}
      </dl>
      {view.status === 'withdrawn' ? (
        <div class="notice">
          <p>{pages.card.withdrawn}</p>
          {open ? <p>{pages.card.resendable}</p> : null}
        </div>
      ) : null}
      {open || withdrawable ? (
        <div class="button-group">
          {open ? (
            <a
              class="button"
              href="/karta/zmiana/urzad"
              onClick={() =>
                // The change starts from the card as the API holds it, whatever an earlier visit left.
                writeFlow(CHANGE_FLOW, {
                  answers: view.answers as Answers,
                  serverErrors: {},
                  card: {
                    callTitle: view.callTitle,
                    gminaName: view.gminaName,
                    editableUntil: view.editableUntil,
                  },
                })
              }
            >
              {editable ? pages.card.change : pages.card.resend}
            </a>
          ) : null}
          {withdrawable ? (
            <a class="button button--warning" href="/karta/wycofaj">
              {pages.card.withdraw}
            </a>
          ) : null}
        </div>
      ) : null}
      {!open && !view.decided ? (
        <div class="notice">
          <p>{withdrawable ? review.closedWithdrawable : pages.card.closed}</p>
        </div>
      ) : null}
      <AnswersSummary answers={view.answers as Answers} steps={STEPS} />
      <GminaRops callId={view.callId} teryt={view.teryt} heading />
    </Titled>
  );
}

/** GOV.UK's confirmation before a destructive action: what happens, a warning button, and a way back. */
function Withdraw(props: {
  token: string;
  view: CardView;
  /** After the deadline: the card cannot be sent again. */
  closed: boolean;
  onWithdrawn: (view: CardView) => void;
}) {
  const texts = useCardTexts();
  const pages = usePageTexts();
  const review = useLinkReviewTexts();
  const { t } = useI18n();
  const busy = useRef(false);
  const [state, setState] = useState<{ busy?: boolean; error?: ApiError }>({});
  return (
    <Titled title={pages.card.withdrawTitle}>
      <a class="back-link" href="/karta">
        {texts.back}
      </a>
      <h1>{pages.card.withdrawTitle}</h1>
      <p class="warning-text">
        {(props.closed ? review.withdrawAfterDeadline : pages.card.withdrawText)(props.view.gminaName)}
      </p>
      {state.error ? (
        <div class="notice notice--error" role="alert">
          <p class="notice__title">{pages.card.withdrawFailed}</p>
          <p>{t.errors[state.error.code]}</p>
        </div>
      ) : null}
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (busy.current) return;
          busy.current = true;
          setState({ busy: true });
          withdrawCard(props.token).then(
            (view) => {
              busy.current = false;
              props.onWithdrawn(view);
            },
            (error: unknown) => {
              busy.current = false;
              setState({
                error: error instanceof ApiError ? error : new ApiError('BAD_RESPONSE', { cause: error }),
              });
            },
          );
        }}
      >
        <div class="button-group">
          <button type="submit" class="button button--warning" aria-disabled={state.busy ? true : undefined}>
            {pages.card.withdrawConfirm}
          </button>
          <a href="/karta">{pages.card.withdrawCancel}</a>
        </div>
      </form>
      <p role="status">{state.busy ? pages.card.withdrawing : ''}</p>
    </Titled>
  );
}

/** /karta/zmiana/:step? — the same steps as a new card, prefilled from the card, sent with PUT. */
export function CardChangePage(props: { step?: string }) {
  const texts = useCardTexts();
  const pages = usePageTexts();
  const [token] = useState(cardToken);
  const [flow, update] = useFlow(CHANGE_FLOW);
  const context = flow.card;
  if (!token || !context) {
    return (
      <Titled title={texts.cardTitle}>
        <h1>{texts.cardTitle}</h1>
        <p>{token ? <a href="/karta">{pages.sent.backToCard}</a> : pages.card.noLink}</p>
      </Titled>
    );
  }
  if (Date.now() >= Date.parse(context.editableUntil) && props.step !== 'wyslano') {
    return (
      <Titled title={pages.card.titleOf(context.gminaName)}>
        <h1>{pages.card.titleOf(context.gminaName)}</h1>
        <div class="notice">
          <p>{pages.card.closed}</p>
        </div>
        <p>
          <a href="/karta">{pages.sent.backToCard}</a>
        </p>
      </Titled>
    );
  }
  const setup: FormSetup = {
    mode: 'change',
    base: '/karta/zmiana',
    exitHref: '/karta',
    send: (card) => changeCard(token, card),
  };
  return <CardForm setup={setup} step={props.step} flow={flow} update={update} />;
}
