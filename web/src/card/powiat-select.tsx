import { ErrorNotice } from '../components/error-notice.tsx';
import { useResource } from '../lib/use-resource.ts';
import { loadedRegister, loadRegister, type Register } from './register.ts';
import { useCardTexts } from './texts.ts';

/** The TERYT register for the picker, the powiat list and the check page; fetched once, then at hand. */
export function useRegister() {
  return useResource<Register>('teryt-register', () => loadRegister(), loadedRegister);
}

/**
 * The partner powiat: the powiaty of the gmina's voivodeship, the gmina's own first (and preselected unless
 * another was chosen), because that is the usual partner.
 */
export function PowiatSelect(props: {
  id: string;
  name: string;
  teryt: string | undefined;
  value: string | undefined;
  describedBy: string | undefined;
  invalid: boolean;
}) {
  const texts = useCardTexts();
  const [register, retry] = useRegister();
  if (register.status === 'loading') return <p role="status">{texts.picker.loading}</p>;
  if (register.status === 'error') {
    return <ErrorNotice title={texts.picker.loadFailed} error={register.error} onRetry={retry} />;
  }
  const own = props.teryt?.slice(0, 4) ?? '';
  const chosen = props.value ?? own;
  const options = Object.entries(register.data.powiaty)
    .filter(([code]) => code.startsWith(own.slice(0, 2)))
    .sort(([a, x], [b, y]) => Number(b === own) - Number(a === own) || x.localeCompare(y, 'pl'));
  return (
    <select
      class="select"
      id={props.id}
      name={props.name}
      aria-describedby={props.describedBy}
      aria-invalid={props.invalid ? true : undefined}
    >
      {options.map(([code, name]) => (
        <option key={code} value={code} selected={code === chosen}>
          {texts.powiatLabel(name)}
        </option>
      ))}
    </select>
  );
}
