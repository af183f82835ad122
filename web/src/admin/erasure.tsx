import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { WarsawTime } from '../components/warsaw-time.tsx';
import { getOwnAccount, listProgrammes } from './api.ts';
import {
  describedBy,
  FieldError,
  FormErrors,
  Group,
  messageFor,
  TextField,
  useRereadable,
  useWrite,
  WriteFailure,
} from './review-form.tsx';
import { useReviewTexts } from './review-texts.ts';
import { Titled } from './session.tsx';
import { eraseGminaData } from './trust-api.ts';
import { TrustFrame, TrustHeader } from './trust-screen.tsx';
import { useTrustTexts } from './trust-texts.ts';

/**
 * /admin/usuwanie-danych — the lead erases one gmina's personal data in every call of one of its programmes
 * (RODO art. 17). It cannot be undone, so the gmina's TERYT code is typed twice (the API checks the second
 * against the first) and the grounds are required; the answer says what was erased, in a notice that takes
 * the focus. Another user sees that the screen is the lead's.
 */
const IDS = ['f-erasure-teryt', 'f-erasure-confirm', 'f-erasure-programme', 'f-erasure-reason'] as const;
const PATHS: Record<string, string> = {
  confirmTeryt: IDS[1],
  programmeId: IDS[2],
  reason: IDS[3],
};

export function Erasure() {
  const texts = useTrustTexts();
  const data = useRereadable('admin:erasure', async (signal) => {
    const own = await getOwnAccount(signal);
    const programmes = own.user.role === 'lead' ? await listProgrammes(signal) : [];
    const led = own.user.programmes;
    return {
      own,
      programmes: led ? programmes.filter((programme) => led.includes(programme.id)) : programmes,
    };
  });
  return (
    <TrustFrame title={texts.erasureTitle} resource={data.resource} shown={data.shown} retry={data.retry}>
      {({ own, programmes }) => (
        <Titled title={texts.erasureTitle}>
          <TrustHeader own={own} current="erasure" title={texts.erasureTitle} />
          {own.user.role !== 'lead' ? <p>{texts.leadOnly}</p> : <ErasureForm programmes={programmes} />}
        </Titled>
      )}
    </TrustFrame>
  );
}

function ErasureForm(props: { programmes: { id: string; name: string }[] }) {
  const texts = useTrustTexts();
  const review = useReviewTexts();
  const write = useWrite();
  const [teryt, setTeryt] = useState('');
  const [confirm, setConfirm] = useState('');
  const [programme, setProgramme] = useState(
    props.programmes.length === 1 ? (props.programmes[0]?.id ?? '') : '',
  );
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<{ erasedAt: string; cards: string[]; items: number }>();
  const doneRef = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);
  const send = () =>
    write.send(
      () =>
        eraseGminaData(teryt.trim(), {
          programmeId: programme,
          confirmTeryt: confirm.trim(),
          reason: reason.trim(),
        }),
      (result) => {
        setDone(result);
        setTeryt('');
        setConfirm('');
        setReason('');
      },
      (path) => PATHS[path],
    );
  const programmeError = write.state.errors[IDS[2]];
  return (
    <>
      <p>{texts.erasureIntro}</p>
      <div class="warning-text">
        <strong>{texts.erasureWarning}</strong>
      </div>
      {done ? (
        <div class="notice notice--success" role="status" tabIndex={-1} ref={doneRef}>
          <p>{texts.erasureDone(done.cards.length, done.items)}</p>
          {done.cards.length > 0 ? <p>{done.cards.join(', ')}</p> : null}
          <p>
            <WarsawTime instant={done.erasedAt} />
          </p>
        </div>
      ) : null}
      <FormErrors state={write.state} ids={IDS} />
      <WriteFailure failure={write.state.failure} onReload={() => write.refuse({})} onRetry={send} />
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const errors: Record<string, string> = {};
          if (!/^\d{7}$/.test(teryt.trim())) errors[IDS[0]] = teryt.trim() ? 'teryt' : 'required';
          if (!confirm.trim()) errors[IDS[1]] = 'required';
          else if (confirm.trim() !== teryt.trim()) errors[IDS[1]] = 'does_not_match';
          if (!programme) errors[IDS[2]] = 'required';
          if (!reason.trim()) errors[IDS[3]] = 'required';
          if (Object.keys(errors).length > 0) write.refuse(errors);
          else send();
        }}
      >
        <TextField
          id={IDS[0]}
          name="teryt"
          label={texts.erasureTeryt}
          hint={texts.erasureTerytHint}
          error={write.state.errors[IDS[0]]}
          value={teryt}
          onInput={setTeryt}
          inputMode="numeric"
          width="short"
        />
        <TextField
          id={IDS[1]}
          name="confirmTeryt"
          label={texts.erasureConfirm}
          hint={texts.erasureConfirmHint}
          error={write.state.errors[IDS[1]]}
          value={confirm}
          onInput={setConfirm}
          inputMode="numeric"
          width="short"
        />
        <Group error={programmeError}>
          <label class="label" for={IDS[2]}>
            {texts.erasureProgramme}
          </label>
          <FieldError
            id={`${IDS[2]}-error`}
            text={programmeError ? messageFor(review, programmeError) : undefined}
          />
          <select
            class="select"
            id={IDS[2]}
            name="programmeId"
            value={programme}
            aria-describedby={describedBy(programmeError && `${IDS[2]}-error`)}
            aria-invalid={programmeError ? true : undefined}
            onChange={(event) => setProgramme(event.currentTarget.value)}
          >
            <option value="">—</option>
            {props.programmes.map((item) => (
              <option key={item.id} value={item.id}>
                {item.name}
              </option>
            ))}
          </select>
        </Group>
        <TextField
          id={IDS[3]}
          name="reason"
          label={texts.erasureReason}
          hint={texts.erasureReasonHint}
          error={write.state.errors[IDS[3]]}
          value={reason}
          onInput={setReason}
          multiline
        />
        <p role="status" class="visually-hidden">
          {write.state.busy ? texts.saving : ''}
        </p>
        <button
          type="submit"
          class="button button--warning"
          aria-disabled={write.state.busy ? true : undefined}
        >
          {texts.erasureButton}
        </button>
      </form>
    </>
  );
}
