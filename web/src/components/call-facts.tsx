import type { TCall } from '../../../shared/schemas/programme.ts';
import { useCallsTexts } from '../calls/texts.ts';
import { type Dictionary, useI18n, wojewodztwoName } from '../lib/i18n.ts';
import { WarsawTime } from './warsaw-time.tsx';

/** "a, b i c" in the current language; plain commas where Intl.ListFormat is missing (Safari < 14.1). */
function formatList(t: Dictionary, items: readonly string[]): string {
  return typeof Intl.ListFormat === 'function'
    ? new Intl.ListFormat(t.locale, { type: 'conjunction' }).format(items)
    : items.join(', ');
}

/**
 * The key facts of a nabór as a description list: the same labels in the same order on the list and on the
 * call's own page, so a clerk comparing calls knows where to look.
 */
export function CallFacts(props: {
  call: Pick<TCall, 'wojewodztwa' | 'gminaKinds' | 'opensAt' | 'closesAt'>;
  programmeName: string | undefined;
  showOpensAt?: boolean;
}) {
  const { t } = useI18n();
  const texts = useCallsTexts();
  const { call } = props;
  return (
    <dl class="facts">
      {props.programmeName ? (
        <div class="facts__row">
          <dt>{texts.facts.programme}</dt>
          {/* Programme names are Polish whatever the interface language. */}
          <dd lang="pl">{props.programmeName}</dd>
        </div>
      ) : null}
      <div class="facts__row">
        <dt>{texts.facts.wojewodztwa(call.wojewodztwa.length)}</dt>
        <dd>
          {formatList(
            t,
            call.wojewodztwa.map((code) => wojewodztwoName(t, code)),
          )}
        </dd>
      </div>
      <div class="facts__row">
        <dt>{texts.facts.gminaKinds}</dt>
        <dd>
          {formatList(
            t,
            call.gminaKinds.map((kind) => texts.gminaKinds[kind]),
          )}
        </dd>
      </div>
      {props.showOpensAt ? (
        <div class="facts__row">
          <dt>{texts.facts.opensAt}</dt>
          <dd>
            <WarsawTime instant={call.opensAt} />
          </dd>
        </div>
      ) : null}
      <div class="facts__row">
        <dt>{texts.facts.closesAt}</dt>
        <dd>
          <WarsawTime instant={call.closesAt} />
        </dd>
      </div>
    </dl>
  );
}
