import { LoadingOrFailed } from '../components/loading-or-failed.tsx';
import { WarsawTime } from '../components/warsaw-time.tsx';
import { useI18n, wojewodztwoName } from '../lib/i18n.ts';
import { useLocation } from '../lib/router.ts';
import { useAgreementTexts } from './agreement-texts.ts';
import { getCard, getRules } from './api.ts';
import { filterQuery, filtersOf } from './card-list.tsx';
import { CardRegistration } from './card-registration.tsx';
import { CardReview } from './card-review.tsx';
import { CardHeldMail, RevokeLinks, VoidCard, VoidedFacts } from './card-trust.tsx';
import { Saved, useRereadable } from './review-form.tsx';
import { useReviewTexts } from './review-texts.ts';
import { Titled, UserBar, useSignInWhenSignedOut } from './session.tsx';
import { useAdminTexts } from './texts.ts';
import { useTrustTexts } from './trust-texts.ts';

/**
 * /admin/karty/<callId>/<teryt> — one card as the gmina sent it, and its review (card-review.tsx). The
 * answers are the labelled rows of the confirmation e-mail, in Polish (the language of the procedure),
 * styled like the site's answers summary, whose own code would split the card form's chunks. After a write
 * the card is read again while the screen keeps showing what it read, and a notice says what was saved.
 */
export function CardDetail(props: { callId: string; teryt: string }) {
  const texts = useAdminTexts();
  const review = useReviewTexts();
  const agreements = useAgreementTexts();
  const trust = useTrustTexts();
  const { t } = useI18n();
  const data = useRereadable(`admin:card:${props.callId}:${props.teryt}`, (signal) =>
    Promise.all([
      getCard(props.callId, props.teryt, signal),
      // The rules name the criteria a person scores, which the card lists only once scored.
      getRules(props.callId, props.teryt.slice(0, 2), signal),
    ]).then(([card, rules]) => ({ card, rules })),
  );
  const { shown, retry, resource: loaded } = data;
  const card = shown ? ({ status: 'ready', data: shown.card } as const) : loaded;
  const signingIn = useSignInWhenSignedOut(loaded.status === 'error' ? loaded.error : undefined);
  // Back to the page of the list the card was opened from, and to its row there.
  const { query } = useLocation();
  const listPage: Record<string, string> = {
    ...filterQuery(filtersOf(query)),
    ...(query.strona ? { strona: query.strona, nr: query.nr ?? '2' } : {}),
  };
  const back = (wojewodztwo: string) => (
    <a
      class="back-link"
      href={`/admin?${new URLSearchParams({ nabor: props.callId, woj: wojewodztwo, ...listPage, karta: props.teryt })}`}
    >
      {texts.card.backToList}
    </a>
  );

  if (card.status !== 'ready' || !shown) {
    const missing = card.status === 'error' && card.error.code === 'NOT_FOUND';
    return (
      <Titled title={texts.card.title}>
        {back(props.teryt.slice(0, 2))}
        <LoadingOrFailed
          heading={texts.card.title}
          loading={texts.panel.loading}
          failed={texts.panel.loadFailed}
          error={card.status === 'error' ? card.error : undefined}
          onRetry={retry}
          answer={missing ? <p>{texts.card.notFound}</p> : undefined}
          waiting={signingIn}
        />
      </Titled>
    );
  }

  const view = shown.card;
  const title = texts.card.titleOf(view.gminaName);
  return (
    <Titled title={title}>
      <UserBar />
      {back(view.wojewodztwo)}
      <h1>{title}</h1>
      {/* Not to be assessed by mistake: said first, not only in the status row. */}
      {view.voided ? (
        <div class="notice">
          <p>{trust.voidedNotice(<WarsawTime instant={view.voided.at} />)}</p>
        </div>
      ) : view.status === 'withdrawn' ? (
        <div class="notice">
          <p>{texts.card.withdrawn(<WarsawTime instant={view.updatedAt} />)}</p>
        </div>
      ) : null}
      <ul class="review-contents">
        <li>
          <a href="#review-heading">{review.card.review}</a>
        </li>
        <li>
          <a href="#answers-heading">{texts.card.answers}</a>
        </li>
        {view.review.status === 'selected' ? (
          <li>
            <a
              href={`/admin/porozumienia/${encodeURIComponent(view.callId)}/${encodeURIComponent(view.teryt)}`}
            >
              {agreements.cardLink}
            </a>
          </li>
        ) : null}
      </ul>
      <dl class="facts">
        <div class="facts__row">
          <dt>{texts.card.call}</dt>
          <dd lang="pl">{view.callTitle}</dd>
        </div>
        <div class="facts__row">
          <dt>{texts.card.wojewodztwo}</dt>
          <dd>{wojewodztwoName(t, view.wojewodztwo)}</dd>
        </div>
        <div class="facts__row">
          <dt>{texts.card.powiat}</dt>
          <dd>{view.powiatName}</dd>
        </div>
        <div class="facts__row">
          <dt>{texts.card.kind}</dt>
          <dd>{texts.kinds[view.kind]}</dd>
        </div>
        <div class="facts__row">
          <dt>{texts.card.reference}</dt>
          <dd>{view.reference}</dd>
        </div>
        <div class="facts__row">
          <dt>{texts.card.status}</dt>
          <dd>
            {texts.statuses[view.status]} ({texts.card.version.toLowerCase()} {view.version})
          </dd>
        </div>
        <div class="facts__row">
          <dt>{review.list.channel}</dt>
          <dd>{review.channels[view.registration?.channel ?? 'online']}</dd>
        </div>
        <div class="facts__row">
          <dt>{texts.card.submittedAt}</dt>
          <dd>
            <WarsawTime instant={view.submittedAt} />
          </dd>
        </div>
        {view.updatedAt !== view.submittedAt ? (
          <div class="facts__row">
            <dt>{texts.card.updatedAt}</dt>
            <dd>
              <WarsawTime instant={view.updatedAt} />
            </dd>
          </div>
        ) : null}
        <div class="facts__row">
          <dt>{texts.card.sha256}</dt>
          <dd>
            <code class="digest">{view.sha256}</code>
          </dd>
        </div>
      </dl>
      <CardRegistration view={view} />
      <VoidedFacts view={view} />
      {view.versions.length > 1 ? (
        // Each version the gmina sent, with the digest its confirmation e-mail gave: what a dispute needs.
        <>
          <h2 id="versions">{texts.card.versions}</h2>
          <div class="table-scroll">
            <table class="table" aria-labelledby="versions">
              <thead>
                <tr>
                  <th scope="col">{texts.card.version}</th>
                  <th scope="col">{texts.card.receivedAt}</th>
                  <th scope="col">{texts.card.sha256}</th>
                </tr>
              </thead>
              <tbody>
                {view.versions.map((version) => (
                  <tr key={version.version}>
                    <th scope="row">{version.version}</th>
                    <td>
                      <WarsawTime instant={version.receivedAt} />
                    </td>
                    <td>
                      <code class="digest">{version.sha256}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
      <p role="status" class="visually-hidden">
        {loaded.status === 'loading' ? texts.panel.loading : ''}
      </p>
      <Saved text={data.saved} stamp={loaded} onRetry={data.retry} />
      <CardReview
        view={view}
        rules={shown.rules}
        onSaved={(what) => data.reread(review.card.done(what))}
        onReload={() => data.reread(review.card.reloaded)}
      />
      <CardHeldMail view={view} />
      {view.voided ? null : (
        <>
          <VoidCard view={view} onSaved={data.reread} onReload={() => data.reread(review.card.reloaded)} />
          <RevokeLinks view={view} onSaved={data.reread} onReload={() => data.reread(review.card.reloaded)} />
        </>
      )}
      <h2 id="answers-heading">{texts.card.answers}</h2>
      <div lang="pl">
        {view.summary.map((section, index) => (
          <section class="summary-card" key={section.title} aria-labelledby={`summary-${index}`}>
            <div class="summary-card__header">
              <h3 class="summary-card__title" id={`summary-${index}`}>
                {section.title}
              </h3>
            </div>
            <dl class="summary">
              {section.rows.map(([label, value]) => (
                <div class="summary__row" key={label}>
                  <dt class="summary__key">{label}</dt>
                  <dd class="summary__value">{value}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </Titled>
  );
}
