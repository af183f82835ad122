import '../pages.css';
import { checkReceipt, type ReceiptCheck } from '../card/api.ts';
import { ErrorSummary } from '../card/error-summary.tsx';
import { receiptTexts, useReceiptTexts } from '../card/receipt-texts.ts';
import { DigestCheckForm, DigestVerdict, useDigestCheck } from '../components/digest-check.tsx';
import { ErrorNotice } from '../components/error-notice.tsx';
import { Titled } from '../components/titled.tsx';
import { WarsawTime } from '../components/warsaw-time.tsx';
import { ApiError } from '../lib/api.ts';
import { useResource } from '../lib/use-resource.ts';

/** The route loader waits for the card texts in the current language, so the page never shows a mix. */
export const textsReady = receiptTexts.load;

const REFERENCE = /^KZ-[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{4}-[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{4}$/;
// Either half in the address is a question (the other, missing, is named in the error summary).
const asked = (query: Record<string, string | undefined>) =>
  query.ref !== undefined || query.sha256 !== undefined;

/**
 * /potwierdzenie — anyone holding a receipt (the gmina, the ROPS, an auditor) checks that the card with
 * this reference and this SHA-256 was received, and whether that version is still the current one. The
 * question lives in the address (?ref=…&sha256=…), so the confirmation page and e-mail link straight to
 * the answer and Back returns to the previous question (components/digest-check.tsx, as the agreements').
 */
export default function ReceiptCheckPage() {
  const texts = useReceiptTexts();
  const check = useDigestCheck({
    path: '/potwierdzenie',
    name: 'ref',
    prefix: 'KZ',
    pattern: REFERENCE,
    badNumber: texts.badReference,
    badSha256: texts.badSha256,
    asked,
  });
  const { query } = check;
  // Links from e-mails name the version too (the same answers can return in a later version).
  const version = /^[1-9]\d{0,3}$/.test(query.version ?? '') ? query.version : undefined;
  const title = texts.title;
  return (
    <Titled title={check.errors.length > 0 ? texts.errorTitle(title) : title}>
      <ErrorSummary title={texts.errorSummary} errors={check.errors} verdict={check.question} />
      <h1>{title}</h1>
      <p>{texts.intro}</p>
      <DigestCheckForm
        check={check}
        number={{ label: texts.reference, hint: texts.referenceHint }}
        sha256={{ label: texts.sha256, hint: texts.sha256Hint }}
        submit={texts.submit}
        errorPrefix={texts.errorPrefix}
      />
      {check.answerable ? (
        <Verdict
          reference={check.number}
          sha256={check.sha256}
          version={version}
          ask={check.asks}
          focus={check.verdictFocus}
        />
      ) : null}
    </Titled>
  );
}

function Verdict(props: {
  reference: string;
  sha256: string;
  version: string | undefined;
  /** How many times the question was asked on this page. */
  ask: number;
  /** Set when the question was just asked on this page: the verdict then takes the focus. */
  focus: { current: boolean };
}) {
  const texts = useReceiptTexts();
  const [check, retry] = useResource<ReceiptCheck>(
    `receipt:${props.reference}:${props.sha256}:${props.version}:${props.ask}`,
    (signal) =>
      checkReceipt(props, signal).catch((error: unknown) => {
        // An unknown reference is an answer, not a failure.
        if (error instanceof ApiError && error.code === 'NOT_FOUND') return { valid: false };
        throw error;
      }),
  );
  return (
    <DigestVerdict
      check={check}
      retry={retry}
      focus={props.focus}
      texts={texts}
      failure={(error, again) => <ErrorNotice title={texts.failed} error={error} onRetry={again} />}
    >
      {check.status === 'ready' ? (
        <>
          <p>{texts.validText(check.data.version ?? 0)}</p>
          {check.data.superseded ? <p>{texts.superseded}</p> : null}
          {check.data.status === 'withdrawn' ? <p>{texts.withdrawn}</p> : null}
          {check.data.status === 'voided' ? <p>{texts.voided}</p> : null}
          <dl class="facts">
            <div class="facts__row">
              <dt>{texts.gmina}</dt>
              <dd>{check.data.gminaName}</dd>
            </div>
            <div class="facts__row">
              <dt>{texts.call}</dt>
              <dd lang="pl">{check.data.callTitle}</dd>
            </div>
            <div class="facts__row">
              <dt>{texts.reference}</dt>
              <dd>{check.data.reference}</dd>
            </div>
            {check.data.receivedAt ? (
              <div class="facts__row">
                <dt>{texts.receivedAt}</dt>
                <dd>
                  <WarsawTime instant={check.data.receivedAt} />
                </dd>
              </div>
            ) : null}
          </dl>
        </>
      ) : null}
    </DigestVerdict>
  );
}
