import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { PartyRole, TSignatory } from '../../../shared/schemas/agreements.ts';
import { LoadingOrFailed } from '../components/loading-or-failed.tsx';
import { WarsawTime } from '../components/warsaw-time.tsx';
import { ApiError } from '../lib/api.ts';
import { useResource } from '../lib/use-resource.ts';
import {
  type Agreement,
  type AgreementEvent,
  type AgreementParty,
  cancelAgreement,
  changeSignatory,
  confirmUpload,
  editAgreementText,
  getAgreement,
  listAgreements,
  recordPaperSignatures,
  resendLink,
  sendForSigning,
  uploadScan,
} from './agreement-api.ts';
import {
  AgreementErrors,
  AgreementFailure,
  AgreementState,
  DownloadPdf,
  endOfWarsawDay,
  Field,
  KindChoice,
  MAX_SCAN_BYTES,
  messageOf,
  PartyState,
  SIGNING_ORDER,
  useGenerate,
  warsawToday,
} from './agreement-parts.tsx';
import { useAgreementTexts } from './agreement-texts.ts';
import {
  describedBy,
  FieldError,
  type FieldErrors,
  Group,
  parseDay,
  Saved,
  useRereadable,
  useWrite,
} from './review-form.tsx';
import { Titled, UserBar, useSignInWhenSignedOut } from './session.tsx';
import { useAdminTexts } from './texts.ts';

/**
 * /admin/porozumienia/<callId>/<teryt> — one agreement: where it stands, its document (the HTML the API
 * gives, its SHA-256, the PDFs as links: see DownloadPdf), each party's step with its signatory (resend a link, change the signatory,
 * confirm a qualified-signed upload), the signatories and deadline sent for signing, the text edited (a
 * change after a signature voids it and signing starts again), signing on paper recorded from the scan,
 * the cancellation, and the events in time order. Every write names the revision read: a 409 offers to read
 * the agreement again. Not prepared yet, it offers to prepare it from the selected card.
 */
type Done = (text: string) => void;

interface Writes {
  agreement: Agreement;
  done: Done;
  reload: () => void;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function AgreementScreen(props: { callId: string; teryt: string }) {
  const texts = useAgreementTexts();
  const admin = useAdminTexts();
  const { callId, teryt } = props;
  const data = useRereadable(`admin:agreement:${callId}:${teryt}`, (signal) =>
    getAgreement(callId, teryt, signal),
  );
  const { shown, resource } = data;
  const signingIn = useSignInWhenSignedOut(resource.status === 'error' ? resource.error : undefined);
  const back = (
    <a
      class="back-link"
      href={`/admin/porozumienia/${encodeURIComponent(callId)}?${new URLSearchParams({ woj: teryt.slice(0, 2) })}`}
    >
      {texts.backToAgreements}
    </a>
  );
  if (!shown) {
    const code = resource.status === 'error' ? resource.error.code : undefined;
    if (code === 'NOT_FOUND')
      return (
        <Titled title={texts.notFoundTitle}>
          <UserBar />
          {back}
          <NotGenerated
            callId={callId}
            teryt={teryt}
            onDone={(text) => data.reread(text)}
            onReload={data.retry}
          />
        </Titled>
      );
    const heading = code === 'FORBIDDEN' ? texts.forbiddenTitle : texts.titleLoading;
    return (
      <Titled title={heading}>
        {code === 'FORBIDDEN' ? <a href="/admin">{texts.toPanel}</a> : back}
        <LoadingOrFailed
          heading={heading}
          loading={admin.panel.loading}
          failed={admin.panel.loadFailed}
          error={resource.status === 'error' ? resource.error : undefined}
          onRetry={data.retry}
          answer={code === 'FORBIDDEN' ? <p>{texts.forbidden}</p> : undefined}
          waiting={signingIn}
        />
      </Titled>
    );
  }

  const { agreement, events, html } = shown;
  const title = texts.title(agreement.gminaName);
  const open = agreement.status !== 'completed' && agreement.status !== 'cancelled';
  const sendable = agreement.status === 'draft' || agreement.status === 'declined';
  const writes: Writes = {
    agreement,
    done: (text) => data.reread(text),
    reload: () => data.reread(texts.reloaded),
  };
  const sections = [
    ['agreement-parties', texts.partiesHeading],
    ...(sendable ? [['agreement-send', texts.sendHeading]] : []),
    ['agreement-document', texts.documentHeading],
    ...(open ? [['agreement-paper', texts.paperHeading]] : []),
    ...(open ? [['agreement-cancel', texts.cancelHeading]] : []),
    ['agreement-history', texts.historyHeading],
  ];
  return (
    <Titled title={title}>
      <UserBar />
      {back}
      <h1>{title}</h1>
      <p role="status" class="visually-hidden">
        {resource.status === 'loading' ? admin.panel.loading : ''}
      </p>
      <Saved text={data.saved} stamp={resource} onRetry={data.retry} />
      <nav aria-labelledby="agreement-contents">
        <h2 id="agreement-contents" class="visually-hidden">
          {texts.contents}
        </h2>
        <ul class="review-contents">
          {sections.map(([id, label]) => (
            <li key={id}>
              <a href={`#${id}`}>{label}</a>
            </li>
          ))}
        </ul>
      </nav>
      <Facts agreement={agreement} />
      <div class="agreement-downloads">
        {agreement.final ? (
          <DownloadPdf agreement={agreement} which="final" label={texts.downloadFinal} />
        ) : null}
        <DownloadPdf agreement={agreement} which="document" label={texts.downloadDocument} />
        {agreement.scan ? (
          <DownloadPdf agreement={agreement} which="scan" label={texts.downloadScan} />
        ) : null}
      </div>
      <Parties {...writes} />
      {sendable ? <SendForm key={`send-${agreement.revision}`} {...writes} /> : null}
      <Document key={`document-${agreement.revision}`} {...writes} html={html} editable={open} />
      {open ? <PaperForm key={`paper-${agreement.revision}`} {...writes} /> : null}
      {open ? <Cancel {...writes} /> : null}
      <History agreement={agreement} events={events} />
    </Titled>
  );
}

function Facts(props: { agreement: Agreement }) {
  const texts = useAgreementTexts();
  const { agreement } = props;
  return (
    <dl class="facts">
      <div class="facts__row">
        <dt>{texts.id}</dt>
        <dd>{agreement.id}</dd>
      </div>
      <div class="facts__row">
        <dt>{texts.status}</dt>
        <dd>
          <AgreementState agreement={agreement} />
        </dd>
      </div>
      <div class="facts__row">
        <dt>{texts.kind}</dt>
        <dd>{texts.kinds[agreement.kind]}</dd>
      </div>
      {agreement.deadline ? (
        <div class="facts__row">
          <dt>{texts.deadline}</dt>
          <dd>
            <WarsawTime instant={agreement.deadline} />
          </dd>
        </div>
      ) : null}
      <div class="facts__row">
        <dt>{texts.template}</dt>
        <dd>
          {agreement.templateVersion}; {texts.textVersion.toLowerCase()} {agreement.textVersion}
        </dd>
      </div>
      <div class="facts__row">
        <dt>{texts.documentSha}</dt>
        <dd>
          <code class="digest">{agreement.documentSha256}</code>
        </dd>
      </div>
      {agreement.scan ? (
        <div class="facts__row">
          <dt>{texts.scanSha}</dt>
          <dd>
            <code class="digest">{agreement.scan.sha256}</code>
          </dd>
        </div>
      ) : null}
      {agreement.final ? (
        <>
          <div class="facts__row">
            <dt>{texts.completedAt}</dt>
            <dd>
              <WarsawTime instant={agreement.final.completedAt} />
            </dd>
          </div>
          <div class="facts__row">
            <dt>{texts.finalSha}</dt>
            <dd>
              <code class="digest">{agreement.final.sha256}</code>
            </dd>
          </div>
        </>
      ) : null}
    </dl>
  );
}

/** Each party's step and signatory, with what can be done about it while signing goes on. */
function Parties(props: Writes) {
  const texts = useAgreementTexts();
  const write = useWrite();
  const { agreement } = props;
  const [changing, setChanging] = useState<PartyRole>();
  /** One request about a party (confirm its upload, resend its link), then `text` said as saved. */
  const act = (
    request: (callId: string, teryt: string, role: PartyRole) => Promise<Agreement>,
    party: { role: PartyRole },
    text: string,
  ) =>
    write.send(
      () => request(agreement.callId, agreement.teryt, party.role),
      () => props.done(text),
      () => undefined,
    );
  const signing = agreement.status === 'signing';
  return (
    <section aria-labelledby="agreement-parties">
      <h2 id="agreement-parties">{texts.partiesHeading}</h2>
      <AgreementFailure
        failure={write.state.failure}
        onReload={props.reload}
        onRetry={() => write.refuse({})}
      />
      <p role="status" class="visually-hidden">
        {write.state.busy ? texts.saving : ''}
      </p>
      {agreement.parties.map((party) => {
        const open = signing && party.status !== 'signed';
        return (
          <section class="summary-card" key={party.role} aria-labelledby={`party-${party.role}`}>
            <div class="summary-card__header">
              <h3 class="summary-card__title" id={`party-${party.role}`} lang="pl">
                {party.name}
              </h3>
            </div>
            <dl class="summary">
              <div class="summary__row">
                <dt class="summary__key">{texts.status}</dt>
                <dd class="summary__value">
                  <PartyState agreement={agreement} party={party} />
                </dd>
              </div>
              <div class="summary__row">
                <dt class="summary__key">{texts.signatory}</dt>
                <dd class="summary__value">
                  {party.signatory ? (
                    <>
                      {party.signatory.name}, {party.signatory.role}
                      <br />
                      <span class="digest">{party.signatory.email}</span>
                    </>
                  ) : (
                    texts.noSignatory
                  )}
                </dd>
              </div>
              {party.signedAt ? (
                <div class="summary__row">
                  <dt class="summary__key">{texts.signedAt}</dt>
                  <dd class="summary__value">
                    <WarsawTime instant={party.signedAt} />
                  </dd>
                </div>
              ) : null}
              {party.declineReason ? (
                <div class="summary__row">
                  <dt class="summary__key">{texts.declineReason}</dt>
                  <dd class="summary__value pre-line" lang="pl">
                    {party.declineReason}
                  </dd>
                </div>
              ) : null}
              {party.upload ? (
                <div class="summary__row">
                  <dt class="summary__key">{texts.upload}</dt>
                  <dd class="summary__value">
                    <p class={party.upload.signed ? undefined : 'warning-text'}>
                      {party.upload.signed
                        ? texts.uploadSigned(party.upload.signerName)
                        : texts.uploadUnsigned}
                    </p>
                    <p>
                      {texts.uploadSha}: <code class="digest">{party.upload.sha256}</code>
                    </p>
                    <DownloadPdf
                      agreement={agreement}
                      which="upload"
                      party={party.role}
                      label={texts.downloadUpload(party.name)}
                    />
                  </dd>
                </div>
              ) : null}
            </dl>
            <div class="agreement-party__actions">
              {signing && party.status === 'uploaded' ? (
                <>
                  <p class="hint">{texts.confirmHint}</p>
                  <PartyAction
                    class="button"
                    busy={write.state.busy}
                    label={texts.confirm(party.name)}
                    onClick={() => act(confirmUpload, party, texts.confirmed(party.name))}
                  />
                </>
              ) : null}
              {open && changing === party.role ? (
                <ChangeSignatory
                  {...props}
                  party={party}
                  onClose={() => {
                    setChanging(undefined);
                    requestAnimationFrame(() => document.getElementById(`change-${party.role}`)?.focus());
                  }}
                />
              ) : open ? (
                <div class="button-group">
                  {party.signatory ? (
                    <PartyAction
                      class="button button--secondary"
                      busy={write.state.busy}
                      label={texts.resend(party.name)}
                      onClick={() => act(resendLink, party, texts.resent(party.name))}
                    />
                  ) : null}
                  <button
                    type="button"
                    id={`change-${party.role}`}
                    class="button button--secondary"
                    onClick={() => setChanging(party.role)}
                  >
                    {texts.change(party.name)}
                  </button>
                </div>
              ) : null}
            </div>
          </section>
        );
      })}
    </section>
  );
}

/** A button that acts on a party, aria-disabled while a request is out, as the screen's other buttons. */
function PartyAction(props: {
  class: string;
  busy: boolean | undefined;
  label: string;
  onClick: () => void;
}) {
  return (
    <button
      type="button"
      class={props.class}
      aria-disabled={props.busy ? true : undefined}
      onClick={props.onClick}
    >
      {props.label}
    </button>
  );
}

type Typed = Record<string, string>;

/** Checks a signatory's three fields (ids `${prefix}-name|role|email`), noting errors; the signatory read. */
function readSignatory(typed: Typed, prefix: string, errors: FieldErrors): TSignatory {
  const value = (part: string) => (typed[`${prefix}-${part}`] ?? '').trim();
  for (const part of ['name', 'role', 'email']) if (!value(part)) errors[`${prefix}-${part}`] = 'required';
  if (value('email') && !EMAIL.test(value('email'))) errors[`${prefix}-email`] = 'email';
  return { name: value('name'), role: value('role'), email: value('email') };
}

function SignatoryFields(props: {
  prefix: string;
  typed: Typed;
  errors: FieldErrors;
  onInput: (id: string, value: string) => void;
}) {
  const texts = useAgreementTexts();
  const field = (part: 'name' | 'role' | 'email') => `${props.prefix}-${part}`;
  return (
    <>
      <Field
        id={field('name')}
        label={texts.name}
        error={props.errors[field('name')]}
        value={props.typed[field('name')] ?? ''}
        onInput={(value) => props.onInput(field('name'), value)}
        width="medium"
        autoComplete="off"
      />
      <Field
        id={field('role')}
        label={texts.role}
        hint={texts.roleHint}
        error={props.errors[field('role')]}
        value={props.typed[field('role')] ?? ''}
        onInput={(value) => props.onInput(field('role'), value)}
        width="medium"
      />
      <Field
        id={field('email')}
        label={texts.email}
        error={props.errors[field('email')]}
        value={props.typed[field('email')] ?? ''}
        onInput={(value) => props.onInput(field('email'), value)}
        width="medium"
        type="email"
      />
    </>
  );
}

/** The API's field paths as this screen's field ids ("signatories.gmina.email" → "f-sign-gmina-email"). */
function signatoryField(prefix: (role: string) => string) {
  return (path: string): string | undefined => {
    const match = /^(?:signatories\.)?(gmina|powiat|wojewodztwo)(?:\.(name|role|email))?$/.exec(path);
    if (match) return `${prefix(match[1] ?? '')}-${match[2] ?? 'name'}`;
    const own = /^signatory\.(name|role|email)$/.exec(path);
    return own ? `${prefix('')}-${own[1]}` : undefined;
  };
}

function ChangeSignatory(props: Writes & { party: AgreementParty; onClose: () => void }) {
  const texts = useAgreementTexts();
  const write = useWrite();
  const { agreement, party } = props;
  const prefix = `f-change-${party.role}`;
  const [typed, setTyped] = useState<Typed>({});
  const ids = ['name', 'role', 'email'].map((part) => `${prefix}-${part}`);
  useLayoutEffect(() => document.getElementById(ids[0] ?? '')?.focus(), []);
  const submit = (event: Event) => {
    event.preventDefault();
    const errors: FieldErrors = {};
    const signatory = readSignatory(typed, prefix, errors);
    if (Object.keys(errors).length > 0) return write.refuse(errors);
    write.send(
      () => changeSignatory(agreement.callId, agreement.teryt, party.role, signatory),
      () => props.done(texts.changed(party.name)),
      signatoryField(() => prefix),
    );
  };
  return (
    <form noValidate onSubmit={submit} class="agreement-form">
      <AgreementErrors state={write.state} ids={ids} />
      <AgreementFailure
        failure={write.state.failure}
        onReload={props.reload}
        onRetry={() => write.refuse({})}
      />
      <fieldset class="fieldset">
        <legend class="fieldset__legend fieldset__legend--s">{texts.changeLegend(party.name)}</legend>
        <p class="hint">{texts.changeHint}</p>
        <SignatoryFields
          prefix={prefix}
          typed={typed}
          errors={write.state.errors}
          onInput={(id, value) => setTyped((old) => ({ ...old, [id]: value }))}
        />
      </fieldset>
      <p role="status" class="visually-hidden">
        {write.state.busy ? texts.saving : ''}
      </p>
      <div class="button-group">
        <button type="submit" class="button" aria-disabled={write.state.busy ? true : undefined}>
          {texts.changeSave}
        </button>
        <button type="button" class="button button--secondary" onClick={props.onClose}>
          {texts.cancelForm}
        </button>
      </div>
    </form>
  );
}

/** Signatories (in the signing order) and the deadline; sent, the gmina gets its link. */
function SendForm(props: Writes) {
  const texts = useAgreementTexts();
  const write = useWrite();
  const { agreement } = props;
  const parties = SIGNING_ORDER.flatMap((role) => agreement.parties.filter((party) => party.role === role));
  const [typed, setTyped] = useState<Typed>(() => {
    const values: Typed = {};
    for (const party of parties)
      for (const part of ['name', 'role', 'email'] as const)
        values[`f-sign-${party.role}-${part}`] = party.signatory?.[part] ?? '';
    return values;
  });
  const ids = [
    ...parties.flatMap((party) => ['name', 'role', 'email'].map((part) => `f-sign-${party.role}-${part}`)),
    'f-sign-deadline',
  ];
  const submit = (event: Event) => {
    event.preventDefault();
    const errors: FieldErrors = {};
    const signatories: Partial<Record<PartyRole, TSignatory>> = {};
    for (const party of parties)
      signatories[party.role] = readSignatory(typed, `f-sign-${party.role}`, errors);
    const typedDay = (typed['f-sign-deadline'] ?? '').trim();
    const day = parseDay(typedDay);
    let deadline = '';
    if (!typedDay) errors['f-sign-deadline'] = 'required';
    else if (!day || !validDay(day)) errors['f-sign-deadline'] = 'date';
    else {
      // The whole day, to its last second, Polish time.
      deadline = endOfWarsawDay(day);
      if (Date.parse(deadline) <= Date.now()) errors['f-sign-deadline'] = 'past';
    }
    if (Object.keys(errors).length > 0) return write.refuse(errors);
    write.send(
      () =>
        sendForSigning(agreement.callId, agreement.teryt, {
          signatories,
          deadline,
          revision: agreement.revision,
        }),
      () => props.done(texts.sent),
      (path) => (path === 'deadline' ? 'f-sign-deadline' : signatoryField((role) => `f-sign-${role}`)(path)),
    );
  };
  const set = (id: string, value: string) => setTyped((old) => ({ ...old, [id]: value }));
  return (
    <section aria-labelledby="agreement-send">
      <h2 id="agreement-send">{texts.sendHeading}</h2>
      <p>{texts.sendIntro}</p>
      <form noValidate onSubmit={submit} class="agreement-form">
        <AgreementErrors state={write.state} ids={ids} />
        <AgreementFailure
          failure={write.state.failure}
          onReload={props.reload}
          onRetry={() => write.refuse({})}
        />
        {parties.map((party) => (
          <fieldset class="fieldset" key={party.role}>
            <legend class="fieldset__legend fieldset__legend--s">{texts.partyLegend(party.name)}</legend>
            <SignatoryFields
              prefix={`f-sign-${party.role}`}
              typed={typed}
              errors={write.state.errors}
              onInput={set}
            />
          </fieldset>
        ))}
        <Field
          id="f-sign-deadline"
          label={texts.deadlineLabel}
          hint={texts.deadlineHint}
          error={write.state.errors['f-sign-deadline']}
          value={typed['f-sign-deadline'] ?? ''}
          onInput={(value) => set('f-sign-deadline', value)}
          width="short"
        />
        <p role="status" class="visually-hidden">
          {write.state.busy ? texts.saving : ''}
        </p>
        <button type="submit" class="button" aria-disabled={write.state.busy ? true : undefined}>
          {texts.send}
        </button>
      </form>
    </section>
  );
}

/** A real calendar day ("2026-02-30" is not). */
function validDay(day: string): boolean {
  const date = new Date(`${day}T12:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
}

/** The API's HTML a level down, under this section's heading: the title an h3, each § an h4. */
function demoted(html: string): string {
  return html.replace(/<(\/?)h3>/g, '<$1h4>').replace(/<(\/?)h2>/g, '<$1h3>');
}

/** The document as the signatories see it, and its text edited (said first what that does to signatures). */
function Document(props: Writes & { html: string; editable: boolean }) {
  const texts = useAgreementTexts();
  const write = useWrite();
  const { agreement } = props;
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(agreement.text);
  const anySigned = agreement.parties.some(
    (party) => party.status === 'signed' || party.status === 'uploaded',
  );
  const warning = anySigned
    ? texts.editVoids
    : agreement.status === 'signing' || agreement.status === 'declined'
      ? texts.editRestarts
      : undefined;
  useLayoutEffect(() => {
    if (editing) document.getElementById('f-text')?.focus();
  }, [editing]);
  const close = () => {
    setEditing(false);
    setText(agreement.text);
    requestAnimationFrame(() => document.getElementById('agreement-edit')?.focus());
  };
  const submit = (event: Event) => {
    event.preventDefault();
    if (!text.trim()) return write.refuse({ 'f-text': 'required' });
    write.send(
      () => editAgreementText(agreement.callId, agreement.teryt, text, agreement.revision),
      (saved) =>
        props.done(
          saved.textVersion === agreement.textVersion
            ? texts.unchangedText
            : texts.savedText(saved.textVersion),
        ),
      (path) => (path === 'text' ? 'f-text' : undefined),
    );
  };
  return (
    <section aria-labelledby="agreement-document">
      <h2 id="agreement-document">{texts.documentHeading}</h2>
      {editing ? (
        <form noValidate onSubmit={submit} class="agreement-form">
          <AgreementErrors state={write.state} ids={['f-text']} />
          <AgreementFailure
            failure={write.state.failure}
            onReload={props.reload}
            onRetry={() => write.refuse({})}
          />
          {warning ? <p class="warning-text">{warning}</p> : null}
          <Field
            id="f-text"
            label={texts.textLabel}
            hint={texts.textHint}
            error={write.state.errors['f-text']}
            value={text}
            onInput={setText}
            multiline
            rows={24}
          />
          <p role="status" class="visually-hidden">
            {write.state.busy ? texts.saving : ''}
          </p>
          <div class="button-group">
            <button type="submit" class="button" aria-disabled={write.state.busy ? true : undefined}>
              {texts.saveText}
            </button>
            <button type="button" class="button button--secondary" onClick={close}>
              {texts.cancelForm}
            </button>
          </div>
        </form>
      ) : (
        <>
          {props.editable ? (
            <>
              {warning ? <p class="warning-text">{warning}</p> : null}
              <button
                type="button"
                id="agreement-edit"
                class="button button--secondary"
                onClick={() => setEditing(true)}
              >
                {texts.edit}
              </button>
            </>
          ) : null}
          {/* Escaped by the API (headings and paragraphs only): the same HTML the signing page shows. */}
          <div
            class="agreement-document"
            lang="pl"
            dangerouslySetInnerHTML={{ __html: demoted(props.html) }}
          />
        </>
      )}
    </section>
  );
}

/** The API's refusals of the scan itself, said at the file's field. */
const SCAN_ERRORS: Partial<Record<string, string>> = {
  NOT_A_PDF: 'not_pdf',
  FILE_TOO_LARGE: 'too_large',
  UPLOAD_INCOMPLETE: 'upload_incomplete',
};

/** The scan of the agreement signed by hand, and who signed for each party and when. */
function PaperForm(props: Writes) {
  const texts = useAgreementTexts();
  const write = useWrite();
  const { agreement } = props;
  const fileRef = useRef<HTMLInputElement>(null);
  const parties = SIGNING_ORDER.flatMap((role) => agreement.parties.filter((party) => party.role === role));
  const [typed, setTyped] = useState<Typed>(() => {
    const values: Typed = {};
    for (const party of parties)
      values[`f-paper-${party.role}-by`] = party.signatory
        ? `${party.signatory.name}, ${party.signatory.role}`
        : '';
    return values;
  });
  const ids = [
    'f-paper-scan',
    ...parties.flatMap((party) => [`f-paper-${party.role}-by`, `f-paper-${party.role}-on`]),
  ];
  const submit = (event: Event) => {
    event.preventDefault();
    const errors: FieldErrors = {};
    const file = fileRef.current?.files?.[0];
    if (!file) errors['f-paper-scan'] = 'scan_required';
    else if (file.type !== 'application/pdf' && !/\.pdf$/i.test(file.name))
      errors['f-paper-scan'] = 'not_pdf';
    else if (file.size > MAX_SCAN_BYTES) errors['f-paper-scan'] = 'too_large';
    const today = warsawToday();
    const signed = parties.map((party) => {
      const by = (typed[`f-paper-${party.role}-by`] ?? '').trim();
      const typedOn = (typed[`f-paper-${party.role}-on`] ?? '').trim();
      const on = parseDay(typedOn);
      if (!by) errors[`f-paper-${party.role}-by`] = 'required';
      if (!typedOn) errors[`f-paper-${party.role}-on`] = 'required';
      else if (!on || !validDay(on)) errors[`f-paper-${party.role}-on`] = 'date';
      else if (on > today) errors[`f-paper-${party.role}-on`] = 'future';
      return { role: party.role, signedBy: by, signedOn: on ?? '' };
    });
    if (Object.keys(errors).length > 0 || !file) return write.refuse(errors);
    write.send(
      async () => {
        let scan: { sha256: string };
        try {
          scan = await uploadScan(agreement.callId, agreement.teryt, file);
        } catch (error) {
          // The API's own check of the file, said at the file's field.
          const field = error instanceof ApiError ? SCAN_ERRORS[error.code] : undefined;
          if (field) throw new ApiError('VALIDATION_FAILED', { fields: { scan: field } });
          throw error;
        }
        return recordPaperSignatures(agreement.callId, agreement.teryt, {
          scanSha256: scan.sha256,
          parties: signed,
        });
      },
      () => props.done(texts.paperSaved),
      (path) => {
        if (path === 'scan') return 'f-paper-scan';
        const index = /^parties(?:\.(\d+))?(?:\.(signedBy|signedOn))?/.exec(path);
        if (!index) return undefined;
        const role = parties[Number(index[1] ?? 0)]?.role ?? 'gmina';
        return `f-paper-${role}-${index[2] === 'signedOn' ? 'on' : 'by'}`;
      },
    );
  };
  const set = (id: string, value: string) => setTyped((old) => ({ ...old, [id]: value }));
  const scanError = write.state.errors['f-paper-scan'];
  return (
    <section aria-labelledby="agreement-paper">
      <h2 id="agreement-paper">{texts.paperHeading}</h2>
      <p>{texts.paperIntro}</p>
      <form noValidate onSubmit={submit} class="agreement-form">
        <AgreementErrors state={write.state} ids={ids} />
        <AgreementFailure
          failure={write.state.failure}
          onReload={props.reload}
          onRetry={() => write.refuse({})}
        />
        <Group error={scanError}>
          <label class="label" for="f-paper-scan">
            {texts.scan}
          </label>
          <p class="hint" id="f-paper-scan-hint">
            {texts.scanHint}
          </p>
          <FieldError id="f-paper-scan-error" text={scanError ? messageOf(texts, scanError) : undefined} />
          <input
            ref={fileRef}
            class="file-upload"
            type="file"
            id="f-paper-scan"
            name="scan"
            accept=".pdf,application/pdf"
            aria-describedby={describedBy('f-paper-scan-hint', scanError && 'f-paper-scan-error')}
            aria-invalid={scanError ? true : undefined}
          />
        </Group>
        {parties.map((party) => (
          <fieldset class="fieldset" key={party.role}>
            <legend class="fieldset__legend fieldset__legend--s">{texts.partyLegend(party.name)}</legend>
            <Field
              id={`f-paper-${party.role}-by`}
              label={texts.signedBy}
              hint={texts.signedByHint}
              error={write.state.errors[`f-paper-${party.role}-by`]}
              value={typed[`f-paper-${party.role}-by`] ?? ''}
              onInput={(value) => set(`f-paper-${party.role}-by`, value)}
              width="medium"
            />
            <Field
              id={`f-paper-${party.role}-on`}
              label={texts.signedOn}
              hint={texts.signedOnHint}
              error={write.state.errors[`f-paper-${party.role}-on`]}
              value={typed[`f-paper-${party.role}-on`] ?? ''}
              onInput={(value) => set(`f-paper-${party.role}-on`, value)}
              width="short"
            />
          </fieldset>
        ))}
        <p role="status" class={write.state.busy ? undefined : 'visually-hidden'}>
          {write.state.busy ? texts.paperSending : ''}
        </p>
        <button type="submit" class="button" aria-disabled={write.state.busy ? true : undefined}>
          {texts.paperSave}
        </button>
      </form>
    </section>
  );
}

/** Cancelling, asked once more before it is done (it cannot be undone). */
function Cancel(props: Writes) {
  const texts = useAgreementTexts();
  const write = useWrite();
  const { agreement } = props;
  const [asking, setAsking] = useState(false);
  const askRef = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (asking) askRef.current?.focus();
  }, [asking]);
  return (
    <section aria-labelledby="agreement-cancel">
      <h2 id="agreement-cancel">{texts.cancelHeading}</h2>
      <p>{texts.cancelIntro}</p>
      <AgreementFailure
        failure={write.state.failure}
        onReload={props.reload}
        onRetry={() => write.refuse({})}
      />
      {asking ? (
        <div class="notice notice--error" tabIndex={-1} ref={askRef}>
          <p class="notice__title">{texts.cancelConfirm(agreement.gminaName)}</p>
          <p role="status" class="visually-hidden">
            {write.state.busy ? texts.saving : ''}
          </p>
          <div class="button-group">
            <button
              type="button"
              class="button button--warning"
              aria-disabled={write.state.busy ? true : undefined}
              onClick={() =>
                write.send(
                  () => cancelAgreement(agreement.callId, agreement.teryt),
                  () => props.done(texts.cancelled),
                  () => undefined,
                )
              }
            >
              {texts.cancelYes}
            </button>
            <button
              type="button"
              class="button button--secondary"
              onClick={() => {
                setAsking(false);
                requestAnimationFrame(() => document.getElementById('agreement-cancel-button')?.focus());
              }}
            >
              {texts.cancelNo}
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          id="agreement-cancel-button"
          class="button button--warning"
          onClick={() => setAsking(true)}
        >
          {texts.cancel}
        </button>
      )}
    </section>
  );
}

/** The events in time order, as the final record's trail gives them: time, what, who, IP, hashes. */
function History(props: { agreement: Agreement; events: AgreementEvent[] }) {
  const texts = useAgreementTexts();
  const partyName = (role: string | undefined) =>
    props.agreement.parties.find((party) => party.role === role)?.name;
  const events = [...props.events].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <section aria-labelledby="agreement-history">
      <h2 id="agreement-history">{texts.historyHeading}</h2>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table that scrolls sideways at 320 px must take the keyboard's focus to be scrolled (axe: scrollable-region-focusable) */}
      <section class="table-scroll" aria-label={texts.historyCaption} tabIndex={0}>
        <table class="table agreement-history">
          <caption class="visually-hidden">{texts.historyCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{texts.when}</th>
              <th scope="col">{texts.what}</th>
              <th scope="col">{texts.who}</th>
              <th scope="col">{texts.ip}</th>
              <th scope="col">{texts.hashes}</th>
            </tr>
          </thead>
          <tbody>
            {events.map((event, index) => (
              <tr key={`${event.at}-${index}`}>
                <td>
                  <WarsawTime instant={event.at} />
                </td>
                <th scope="row">
                  {texts.events[event.type] ?? event.type}
                  {event.party ? <span lang="pl"> ({partyName(event.party) ?? event.party})</span> : null}
                  {event.note ? (
                    <span class="hint review-block" lang="pl">
                      {event.note}
                    </span>
                  ) : null}
                </th>
                <td class="agreement-history__who">
                  {event.actor === 'system' ? texts.system : event.actor}
                </td>
                <td>{event.ip ?? '—'}</td>
                <td>
                  {event.hashBefore ? (
                    <span class="review-block">
                      {texts.before}: <code class="digest">{event.hashBefore}</code>
                    </span>
                  ) : null}
                  {event.hashAfter ? (
                    <span class="review-block">
                      {texts.after}: <code class="digest">{event.hashAfter}</code>
                    </span>
                  ) : null}
                  {event.hashBefore || event.hashAfter ? null : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </section>
  );
}

/** No agreement yet: prepared here from the selected card (the API refuses a card not selected). */
function NotGenerated(props: { callId: string; teryt: string; onDone: Done; onReload: () => void }) {
  const texts = useAgreementTexts();
  const [list] = useResource(`admin:agreements-kind:${props.callId}:${props.teryt.slice(0, 2)}`, (signal) =>
    listAgreements(props.callId, props.teryt.slice(0, 2), signal),
  );
  const kind = list.status === 'ready' ? list.data.kind : undefined;
  const generation = useGenerate({
    callId: props.callId,
    kind,
    onDone: (agreement) => props.onDone(texts.generated(agreement.gminaName)),
  });
  const { write } = generation;
  return (
    <>
      <h1>{texts.notFoundTitle}</h1>
      <p>{texts.notFound}</p>
      <AgreementErrors state={write.state} ids={['f-kind-two-party']} />
      <AgreementFailure
        failure={write.state.failure}
        onReload={props.onReload}
        onRetry={() => write.refuse({})}
      />
      {list.status !== 'loading' ? (
        <form
          noValidate
          class="agreement-form"
          onSubmit={(event) => {
            event.preventDefault();
            generation.generate(props.teryt);
          }}
        >
          <KindChoice
            kind={kind}
            chosen={generation.chosen}
            onChoose={generation.setChosen}
            error={write.state.errors['f-kind-two-party']}
          />
          <p role="status" class="visually-hidden">
            {write.state.busy ? texts.generating : ''}
          </p>
          <button type="submit" class="button" aria-disabled={write.state.busy ? true : undefined}>
            {texts.generate}
          </button>
        </form>
      ) : null}
    </>
  );
}
