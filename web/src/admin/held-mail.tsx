import { useI18n, wojewodztwoName } from '../lib/i18n.ts';
import { getOwnAccount } from './api.ts';
import { HeldMailTable } from './card-trust.tsx';
import { useRereadable } from './review-form.tsx';
import { Titled } from './session.tsx';
import { listHeldMail } from './trust-api.ts';
import { TrustFrame, TrustHeader, VoivodeshipChoice } from './trust-screen.tsx';
import { useTrustTexts } from './trust-texts.ts';

/**
 * /admin/poczta?woj=NN — the messages of one voivodeship's cards (without `woj`, the user's first) that SES
 * may not have sent or refused, newest first, each resendable once to the recipients it had (logged in the
 * card's history; a second resend, by another coordinator say, is said as "already resent").
 */
export function HeldMail(props: { wojewodztwo?: string | undefined }) {
  const texts = useTrustTexts();
  const { t } = useI18n();
  const { resource, shown, retry } = useRereadable(
    `admin:held-mail:${props.wojewodztwo ?? ''}`,
    async (signal) => {
      const own = await getOwnAccount(signal);
      const wojewodztwo = props.wojewodztwo ?? own.user.wojewodztwa[0] ?? '';
      return { own, wojewodztwo, messages: await listHeldMail(wojewodztwo, signal) };
    },
  );
  return (
    <TrustFrame title={texts.heldTitle} resource={resource} shown={shown} retry={retry}>
      {({ own, wojewodztwo, messages }) => (
        <Titled title={`${texts.heldTitle}: ${wojewodztwoName(t, wojewodztwo)}`}>
          <TrustHeader own={own} current="mail" title={texts.heldTitle} />
          <p>{texts.heldIntro}</p>
          <VoivodeshipChoice codes={own.user.wojewodztwa} current={wojewodztwo} path="/admin/poczta" />
          <HeldMailTable
            id="held"
            messages={messages}
            onChanged={retry}
            headingLevel={2}
            withCard
            heading={`${texts.heldTitle}: ${wojewodztwoName(t, wojewodztwo)}`}
            empty={texts.heldNone}
          />
        </Titled>
      )}
    </TrustFrame>
  );
}
