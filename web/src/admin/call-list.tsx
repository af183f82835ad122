import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { formatWarsawDay } from '../../../shared/time.ts';
import { LoadingOrFailed } from '../components/loading-or-failed.tsx';
import { useI18n, wojewodztwoName } from '../lib/i18n.ts';
import { useLocation } from '../lib/router.ts';
import { useResource } from '../lib/use-resource.ts';
import { useAgreementTexts } from './agreement-texts.ts';
import { type AdminCall, exportHref, listCalls } from './api.ts';
import { useCallLifeTexts } from './call-life-texts.ts';
import { AnnouncedOverlaps } from './call-overlaps.tsx';
import { CardList, filtersOf } from './card-list.tsx';
import { useReviewTexts } from './review-texts.ts';
import { Titled, UserBar, useSignInWhenSignedOut } from './session.tsx';
import { useAdminTexts } from './texts.ts';

/** /admin — the calls the coordinator may see; the chosen call's cards in the chosen voivodeship below. */
export function CallList() {
  const texts = useAdminTexts();
  const { t } = useI18n();
  const { query, route } = useLocation();
  const [calls, retry] = useResource('admin:calls', (signal) => listCalls(signal));
  const signingIn = useSignInWhenSignedOut(calls.status === 'error' ? calls.error : undefined);
  // The list of calls is read from an index, which can lag a moment behind a call just announced: asked
  // again (three times at most, a second apart) rather than showing another call in its place.
  const askedAgain = useRef(0);
  const missing =
    calls.status === 'ready' &&
    query.ogloszono === '1' &&
    !calls.data.calls.some((call) => call.id === query.nabor);
  useEffect(() => {
    if (!missing || askedAgain.current >= 3) return;
    askedAgain.current += 1;
    const timer = setTimeout(retry, 1000);
    return () => clearTimeout(timer);
  }, [calls]);

  if (calls.status !== 'ready') {
    return (
      <Titled title={texts.panel.title}>
        <LoadingOrFailed
          heading={texts.panel.title}
          loading={texts.panel.loading}
          failed={texts.panel.loadFailed}
          error={calls.status === 'error' ? calls.error : undefined}
          onRetry={retry}
          waiting={signingIn}
        />
      </Titled>
    );
  }

  const { user } = calls.data;
  const list = calls.data.calls;
  const chosenCall = list.find((call) => call.id === query.nabor) ?? list[0];
  const announced = query.ogloszono === '1' && chosenCall?.id === query.nabor ? chosenCall : undefined;
  const chosenWojewodztwo =
    chosenCall?.wojewodztwa.find((code) => code === query.woj) ?? chosenCall?.wojewodztwa[0];
  return (
    <Titled title={texts.panel.title}>
      <UserBar name={user.name} email={user.email} />
      <h1>{texts.panel.title}</h1>
      <p>
        <a href="/admin/nabory/nowy">{texts.panel.announce}</a>
      </p>
      {announced ? <Announced call={announced} /> : null}
      {announced ? <AnnouncedOverlaps callId={announced.id} /> : null}
      {chosenCall && chosenWojewodztwo ? (
        <>
          <ChooseCall
            key={`${chosenCall.id}|${chosenWojewodztwo}`}
            calls={list}
            callId={chosenCall.id}
            wojewodztwo={chosenWojewodztwo}
            onChoose={(callId, wojewodztwo) =>
              route(`/admin?${new URLSearchParams({ nabor: callId, woj: wojewodztwo })}`)
            }
          />
          <p>
            <a href={`/admin/rejestracja/${encodeURIComponent(chosenCall.id)}`}>{texts.registerLink}</a>
          </p>
          <Tools call={chosenCall} wojewodztwo={chosenWojewodztwo} lead={user.role === 'lead'} />
          <CardList
            call={chosenCall}
            wojewodztwo={chosenWojewodztwo}
            wojewodztwoLabel={wojewodztwoName(t, chosenWojewodztwo)}
            pageToken={query.strona}
            pageNumber={Number(query.nr) > 1 ? Number(query.nr) : 1}
            filters={filtersOf(query)}
            returnedFrom={query.karta}
          />
        </>
      ) : (
        <p>{texts.panel.noCalls}</p>
      )}
    </Titled>
  );
}

/**
 * Said once the call is stored (the form comes here only then), with where gminas will find it. It takes the
 * focus: a status region that appears with its text already in it is often not read out.
 */
function Announced(props: { call: AdminCall }) {
  const texts = useAdminTexts();
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => ref.current?.focus(), []);
  const { call } = props;
  return (
    <div class="notice" tabIndex={-1} ref={ref}>
      <p>
        {texts.panel.announced(
          call.opensAt <= new Date().toISOString() ? undefined : formatWarsawDay(call.opensAt, t.locale),
        )}{' '}
        <a href={`/nabory/${encodeURIComponent(call.id)}`}>{texts.panel.callPage}</a>
      </p>
    </div>
  );
}

/** Where a call stands (by the browser's clock: only what the list says, the API decides the rest). */
function phaseOf(call: AdminCall, now: string): 'open' | 'closed' | 'upcoming' {
  return call.closesAt <= now ? 'closed' : call.opensAt <= now ? 'open' : 'upcoming';
}

function ChooseCall(props: {
  calls: AdminCall[];
  callId: string;
  wojewodztwo: string;
  onChoose: (callId: string, wojewodztwo: string) => void;
}) {
  const texts = useAdminTexts();
  const { t } = useI18n();
  const [callId, setCallId] = useState(props.callId);
  const now = new Date().toISOString();
  const call = props.calls.find((item) => item.id === callId) ?? props.calls[0];
  const wojewodztwa = call?.wojewodztwa ?? [];
  return (
    <form
      class="admin-choose"
      method="get"
      action="/admin"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        props.onChoose(String(data.get('nabor')), String(data.get('woj')));
      }}
    >
      <fieldset class="admin-choose__fields">
        <legend class="label">{texts.panel.choose}</legend>
        <div class="form-group">
          <label class="label" for="f-nabor">
            {texts.panel.call}
          </label>
          <select
            class="select"
            id="f-nabor"
            name="nabor"
            value={callId}
            onChange={(event) => setCallId(event.currentTarget.value)}
          >
            {props.calls.map((item) => {
              const phase = phaseOf(item, now);
              const day = formatWarsawDay(phase === 'upcoming' ? item.opensAt : item.closesAt, t.locale);
              return (
                // Calls are named in Polish whatever the panel's language (the title is most of the text).
                <option key={item.id} value={item.id} lang="pl">
                  {texts.panel.callOption(item.title, phase, day)}
                </option>
              );
            })}
          </select>
        </div>
        <div class="form-group">
          <label class="label" for="f-woj">
            {texts.panel.wojewodztwo}
          </label>
          <select
            class="select"
            id="f-woj"
            name="woj"
            key={callId}
            defaultValue={wojewodztwa.includes(props.wojewodztwo) ? props.wojewodztwo : wojewodztwa[0]}
          >
            {wojewodztwa.map((code) => (
              <option key={code} value={code}>
                {wojewodztwoName(t, code)}
              </option>
            ))}
          </select>
        </div>
      </fieldset>
      <button type="submit" class="button">
        {texts.panel.show}
      </button>
    </form>
  );
}

/** Where the call's review goes on from the list: its ranking, rules, the lead's overview and the exports. */
function Tools(props: { call: AdminCall; wojewodztwo: string; lead: boolean }) {
  const review = useReviewTexts();
  const agreements = useAgreementTexts();
  const callLife = useCallLifeTexts();
  const id = encodeURIComponent(props.call.id);
  const woj = `?${new URLSearchParams({ woj: props.wojewodztwo })}`;
  return (
    <nav class="admin-tools" aria-labelledby="tools-heading">
      <h2 id="tools-heading" class="admin-tools__heading">
        {review.list.tools}
      </h2>
      <ul>
        <li>
          <a href={`/admin/nabory/${id}`}>{callLife.manage}</a>
        </li>
        <li>
          <a href={`/admin/ranking/${id}${woj}`}>{review.list.ranking}</a>
        </li>
        <li>
          <a href={`/admin/zasady/${id}${woj}`}>{review.list.rules}</a>
        </li>
        <li>
          <a href={`/admin/protokol/${id}${woj}`}>{review.list.protocol}</a>
        </li>
        <li>
          <a href={`/admin/porozumienia/${id}${woj}`}>{agreements.listTitle}</a>
        </li>
        <li>
          {/* A download, not a page: the router leaves it to the browser. */}
          <a href={exportHref(props.call.id, props.wojewodztwo)} download>
            {review.list.exportCsv}
          </a>
        </li>
        {props.lead ? (
          <>
            <li>
              <a href={`/admin/zestawienie/${id}`}>{review.list.dashboard}</a>
            </li>
            <li>
              <a href={exportHref(props.call.id)} download>
                {review.list.exportAll}
              </a>
            </li>
          </>
        ) : null}
      </ul>
    </nav>
  );
}
