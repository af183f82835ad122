import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { WarsawTime } from '../components/warsaw-time.tsx';
import { useI18n, wojewodztwoName } from '../lib/i18n.ts';
import { getOwnAccount } from './api.ts';
import { FormErrors, Saved, TextField, useRereadable, useWrite, WriteFailure } from './review-form.tsx';
import { Titled } from './session.tsx';
import {
  changeOffice,
  importOffices,
  listOffices,
  type TOfficesImportReport,
  type TOfficesResponse,
} from './trust-api.ts';
import { TrustFrame, TrustHeader, VoivodeshipChoice } from './trust-screen.tsx';
import { useTrustTexts } from './trust-texts.ts';

/**
 * /admin/urzedy?woj=NN — the directory of gmina offices of one voivodeship (without `woj`, the user's
 * first): every gmina with its office's addresses, one edited at a time, and a CSV file imported — read in
 * the browser as text and sent as it is; the API checks each row and answers which it took and which it
 * refused, and why. Every change is in the audit log. A 409 (changed meanwhile) offers to read again.
 */
const CSV_MAX = 90_000;

type Gmina = TOfficesResponse['gminas'][number];

export function Offices(props: { wojewodztwo?: string | undefined }) {
  const texts = useTrustTexts();
  const { t } = useI18n();
  const data = useRereadable(`admin:offices:${props.wojewodztwo ?? ''}`, async (signal) => {
    const own = await getOwnAccount(signal);
    const wojewodztwo = props.wojewodztwo ?? own.user.wojewodztwa[0] ?? '';
    return { own, wojewodztwo, offices: await listOffices(wojewodztwo, signal) };
  });
  const [editing, setEditing] = useState<string>();
  return (
    <TrustFrame title={texts.officesTitle} resource={data.resource} shown={data.shown} retry={data.retry}>
      {({ own, wojewodztwo, offices }) => {
        const name = wojewodztwoName(t, wojewodztwo);
        const missing = offices.gminas.filter((gmina) => !gmina.office).length;
        const edited = offices.gminas.find((gmina) => gmina.teryt === editing);
        return (
          <Titled title={`${texts.officesTitle}: ${name}`}>
            <TrustHeader own={own} current="offices" title={texts.officesTitle} />
            <p>{texts.officesIntro}</p>
            <VoivodeshipChoice codes={own.user.wojewodztwa} current={wojewodztwo} path="/admin/urzedy" />
            <Saved text={data.saved} stamp={data.resource} />
            {edited ? (
              <EditOffice
                key={edited.teryt}
                gmina={edited}
                onDone={(text) => {
                  setEditing(undefined);
                  if (text) data.reread(text);
                  else requestAnimationFrame(() => document.getElementById(`edit-${edited.teryt}`)?.focus());
                }}
                onReload={() => {
                  setEditing(undefined);
                  data.reread(texts.reload);
                }}
              />
            ) : null}
            <ImportOffices onImported={() => data.retry()} />
            <h2 id="offices-list">{texts.officesList(name)}</h2>
            <p>{texts.officesMissing(missing)}</p>
            {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table that scrolls sideways at 320 px must take the keyboard's focus (axe: scrollable-region-focusable) */}
            <section class="table-scroll" aria-labelledby="offices-list" tabIndex={0}>
              <table class="table" aria-labelledby="offices-list">
                <thead>
                  <tr>
                    <th scope="col">{texts.officesGmina}</th>
                    <th scope="col">{texts.officesEmail}</th>
                    <th scope="col">{texts.officesEpuap}</th>
                    <th scope="col">{texts.officesChanged}</th>
                    <th scope="col">
                      <span class="visually-hidden">{texts.heldAction}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {offices.gminas.map((gmina) => (
                    <tr key={gmina.teryt}>
                      <th scope="row">
                        {gmina.gminaName}
                        <span class="hint review-block">{gmina.teryt}</span>
                        {gmina.office?.name ? (
                          <span class="review-block" lang="pl">
                            {gmina.office.name}
                          </span>
                        ) : null}
                      </th>
                      <td>{gmina.office ? gmina.office.email : texts.officesNone}</td>
                      <td>{gmina.office?.epuap ?? '—'}</td>
                      <td>
                        {gmina.office ? (
                          <>
                            <WarsawTime instant={gmina.office.changedAt} />
                            <span class="hint review-block">{gmina.office.changedBy}</span>
                          </>
                        ) : (
                          '—'
                        )}
                      </td>
                      <td>
                        <button
                          type="button"
                          id={`edit-${gmina.teryt}`}
                          class="button button--secondary"
                          aria-label={texts.officesEdit(gmina.gminaName)}
                          onClick={() => setEditing(gmina.teryt)}
                        >
                          {texts.officesEditShort}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          </Titled>
        );
      }}
    </TrustFrame>
  );
}

const FIELDS = ['f-office-email', 'f-office-epuap', 'f-office-name'] as const;

/** One gmina's office: e-mail required, ePUAP and name optional; the heading takes the focus when opened. */
function EditOffice(props: { gmina: Gmina; onDone: (text?: string) => void; onReload: () => void }) {
  const texts = useTrustTexts();
  const write = useWrite();
  const { gmina } = props;
  const [email, setEmail] = useState(gmina.office?.email ?? '');
  const [epuap, setEpuap] = useState(gmina.office?.epuap ?? '');
  const [name, setName] = useState(gmina.office?.name ?? '');
  const heading = useRef<HTMLHeadingElement>(null);
  useLayoutEffect(() => heading.current?.focus(), []);
  const send = () =>
    write.send(
      () =>
        changeOffice(gmina.teryt, {
          email: email.trim(),
          ...(epuap.trim() ? { epuap: epuap.trim() } : {}),
          ...(name.trim() ? { name: name.trim() } : {}),
        }),
      () => props.onDone(texts.officesSaved(gmina.gminaName)),
      (path) => ({ email: FIELDS[0], epuap: FIELDS[1], name: FIELDS[2] })[path],
    );
  return (
    <section aria-labelledby="office-edit" class="review-form">
      <h2 id="office-edit" tabIndex={-1} ref={heading}>
        {texts.officesEditHeading(gmina.gminaName)}
      </h2>
      <FormErrors state={write.state} ids={FIELDS} />
      <WriteFailure
        failure={write.state.failure}
        onReload={props.onReload}
        onRetry={send}
        conflictText={texts.conflict}
      />
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!email.trim()) write.refuse({ [FIELDS[0]]: 'required' });
          else send();
        }}
      >
        <TextField
          id={FIELDS[0]}
          name="email"
          label={texts.officesEmail}
          error={write.state.errors[FIELDS[0]]}
          value={email}
          onInput={setEmail}
        />
        <TextField
          id={FIELDS[1]}
          name="epuap"
          label={texts.officesEpuap}
          hint="/ugoksa/SkrytkaESP"
          error={write.state.errors[FIELDS[1]]}
          value={epuap}
          onInput={setEpuap}
        />
        <TextField
          id={FIELDS[2]}
          name="name"
          label={texts.officesName}
          error={write.state.errors[FIELDS[2]]}
          value={name}
          onInput={setName}
        />
        <p role="status" class="visually-hidden">
          {write.state.busy ? texts.saving : ''}
        </p>
        <div class="button-group">
          <button type="submit" class="button" aria-disabled={write.state.busy ? true : undefined}>
            {texts.officesSave}
          </button>
          <button type="button" class="button button--secondary" onClick={() => props.onDone()}>
            {texts.officesCancel}
          </button>
        </div>
      </form>
    </section>
  );
}

/** The CSV chosen, read here as text (UTF-8) and sent; the report of its rows takes the focus. */
function ImportOffices(props: { onImported: () => void }) {
  const texts = useTrustTexts();
  const write = useWrite();
  const [report, setReport] = useState<TOfficesImportReport>();
  const reportRef = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    if (report) reportRef.current?.focus();
  }, [report]);
  const FILE = 'f-import-file';
  return (
    <section aria-labelledby="import-heading">
      <h2 id="import-heading">{texts.importHeading}</h2>
      <FormErrors state={write.state} ids={[FILE]} />
      <WriteFailure
        failure={write.state.failure}
        onReload={props.onImported}
        onRetry={() => write.refuse({})}
        conflictText={texts.conflict}
      />
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const input = event.currentTarget.elements.namedItem('csv') as HTMLInputElement | null;
          const file = input?.files?.[0];
          if (!file) return write.refuse({ [FILE]: 'file' });
          file.text().then((csv) => {
            if (csv.length > CSV_MAX || csv.trim() === '') {
              write.refuse({ [FILE]: csv.trim() === '' ? 'file' : 'file_too_large' });
              return;
            }
            write.send(
              () => importOffices(csv),
              (result) => {
                setReport(result);
                props.onImported();
              },
              (path) => (path === 'csv' ? FILE : undefined),
            );
          });
        }}
      >
        <div class={write.state.errors[FILE] ? 'form-group form-group--error' : 'form-group'}>
          <label class="label" for={FILE}>
            {texts.importFile}
          </label>
          <p class="hint" id={`${FILE}-hint`}>
            {texts.importHint}
          </p>
          {write.state.errors[FILE] ? (
            <p class="error-message" id={`${FILE}-error`}>
              <span class="visually-hidden">{texts.errorPrefix} </span>
              {write.state.errors[FILE] === 'file_too_large' ? texts.importTooLarge : texts.errors.file}
            </p>
          ) : null}
          <input
            class="file-upload"
            type="file"
            id={FILE}
            name="csv"
            accept=".csv,text/csv"
            aria-describedby={`${FILE}-hint${write.state.errors[FILE] ? ` ${FILE}-error` : ''}`}
          />
        </div>
        <p role="status" class="visually-hidden">
          {write.state.busy ? texts.saving : ''}
        </p>
        <button type="submit" class="button" aria-disabled={write.state.busy ? true : undefined}>
          {texts.importButton}
        </button>
      </form>
      {report ? (
        <section class="notice" tabIndex={-1} ref={reportRef} aria-labelledby="import-report">
          <h3 id="import-report" class="notice__title">
            {texts.reportHeading}
          </h3>
          <p>{texts.report({ ...report, rejected: report.rejected.length })}</p>
          {report.rejected.length > 0 ? (
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a table that scrolls sideways at 320 px must take the keyboard's focus (axe: scrollable-region-focusable)
            <section class="table-scroll" tabIndex={0} aria-labelledby="import-rejected">
              <table class="table" aria-labelledby="import-rejected">
                <caption id="import-rejected">{texts.rejectedHeading}</caption>
                <thead>
                  <tr>
                    <th scope="col">{texts.rejectedLine}</th>
                    <th scope="col">{texts.rejectedTeryt}</th>
                    <th scope="col">{texts.rejectedWhy}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.rejected.map((row) => (
                    <tr key={`${row.line}-${row.problem}`}>
                      <th scope="row">{row.line}</th>
                      <td>{row.teryt ?? '—'}</td>
                      <td>{texts.problems[row.problem] ?? row.problem}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ) : null}
        </section>
      ) : null}
    </section>
  );
}
