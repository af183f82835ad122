import { DigestCheckForm, DigestVerdict, useDigestCheck } from '../components/digest-check.tsx';
import { WarsawTime } from '../components/warsaw-time.tsx';
import { useI18n } from '../lib/i18n.ts';
import { useResource } from '../lib/use-resource.ts';
import { type Verification, verifyAgreement } from './api.ts';
import { AgreementErrorNotice, RETRYABLE } from './error-notice.tsx';
import { ErrorSummary } from './error-summary.tsx';
import { useAgreementTexts } from './texts.ts';
import { Titled } from './titled.tsx';

const AGREEMENT_ID = /^PZ-[A-Z0-9]{4}-[A-Z0-9]{4}$/;
const asked = (query: Record<string, string | undefined>) => query.sha256 !== undefined;

/**
 * /porozumienie/weryfikacja — anyone holding a signed agreement's final PDF (a party, an auditor) checks
 * that the file with this SHA-256 is the sealed record of the agreement with this number. The question lives
 * in the address (?id=…&sha256=…), as on the receipt check (components/digest-check.tsx serves both), so a
 * link can lead straight to the answer.
 */
export function VerificationPage() {
  const texts = useAgreementTexts().verify;
  const all = useAgreementTexts();
  const check = useDigestCheck({
    path: '/porozumienie/weryfikacja',
    name: 'id',
    prefix: 'PZ',
    pattern: AGREEMENT_ID,
    badNumber: texts.badId,
    badSha256: texts.badSha256,
    asked,
  });
  return (
    <Titled title={check.errors.length > 0 ? all.errorTitle(texts.title) : texts.title}>
      <ErrorSummary
        id="verify-errors"
        title={all.errorSummary}
        errors={check.errors}
        verdict={check.question}
      />
      <h1>{texts.title}</h1>
      <p>{texts.intro}</p>
      <DigestCheckForm
        check={check}
        number={{ label: texts.agreementId, hint: texts.agreementIdHint }}
        sha256={{ label: texts.sha256, hint: texts.sha256Hint }}
        submit={texts.submit}
        errorPrefix={all.errorPrefix}
      />
      {check.answerable ? (
        <Verdict id={check.number} sha256={check.sha256} ask={check.asks} focus={check.verdictFocus} />
      ) : null}
    </Titled>
  );
}

function Verdict(props: { id: string; sha256: string; ask: number; focus: { current: boolean } }) {
  const all = useAgreementTexts();
  const texts = all.verify;
  const { t } = useI18n();
  const [check, retry] = useResource<Verification>(
    `verify:${props.id}:${props.sha256}:${props.ask}`,
    (signal) => verifyAgreement({ agreementId: props.id, sha256: props.sha256 }, signal),
  );
  return (
    <DigestVerdict
      check={check}
      retry={retry}
      focus={props.focus}
      texts={texts}
      failure={(error, again) => (
        <AgreementErrorNotice
          title={texts.failed}
          error={error}
          action={RETRYABLE.has(error.code) ? { label: t.retry, run: again } : undefined}
        />
      )}
    >
      {check.status === 'ready' ? (
        <>
          <p>{texts.validText}</p>
          <dl class="facts">
            <div class="facts__row">
              <dt>{all.agreementId}</dt>
              <dd>{check.data.agreementId}</dd>
            </div>
            {check.data.completedAt ? (
              <div class="facts__row">
                <dt>{texts.completedAt}</dt>
                <dd>
                  <WarsawTime instant={check.data.completedAt} />
                </dd>
              </div>
            ) : null}
          </dl>
          <h3>{texts.parties}</h3>
          <ul>
            {(check.data.parties ?? []).map((party) => (
              <li key={party.name}>
                <span lang="pl">{party.name}</span>
                {party.signedAt ? (
                  <>
                    {' — '}
                    <WarsawTime instant={party.signedAt} />
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </DigestVerdict>
  );
}
