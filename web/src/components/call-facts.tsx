import type { TCall } from '../../../shared/schemas/programme.ts';
import { formatList, useI18n, wojewodztwoName } from '../lib/i18n.ts';
import { WarsawTime } from './warsaw-time.tsx';

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
  const { call } = props;
  return (
    <dl class="facts">
      {props.programmeName ? (
        <div class="facts__row">
          <dt>{t.facts.programme}</dt>
          {/* Programme names are Polish whatever the interface language. */}
          <dd lang="pl">{props.programmeName}</dd>
        </div>
      ) : null}
      <div class="facts__row">
        <dt>{t.facts.wojewodztwa(call.wojewodztwa.length)}</dt>
        <dd>
          {formatList(
            t,
            call.wojewodztwa.map((code) => wojewodztwoName(t, code)),
          )}
        </dd>
      </div>
      <div class="facts__row">
        <dt>{t.facts.gminaKinds}</dt>
        <dd>
          {formatList(
            t,
            call.gminaKinds.map((kind) => t.gminaKinds[kind]),
          )}
        </dd>
      </div>
      {props.showOpensAt ? (
        <div class="facts__row">
          <dt>{t.facts.opensAt}</dt>
          <dd>
            <WarsawTime instant={call.opensAt} />
          </dd>
        </div>
      ) : null}
      <div class="facts__row">
        <dt>{t.facts.closesAt}</dt>
        <dd>
          <WarsawTime instant={call.closesAt} />
        </dd>
      </div>
    </dl>
  );
}
