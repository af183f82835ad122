import { requestJson } from '../lib/api.ts';
import { reader } from '../lib/shape.ts';

/*
 * The TERYT register as a static file (the gmina picker's): the panel needs only its powiat names, for the
 * list's filter and the ranking's quota groups. Fetched once per page load, only by the screens that ask.
 * Its address as `new URL(…, import.meta.url)`, which the bundler writes into this chunk: imported with
 * `?url` as the picker does, the address became a module of its own that the card form's route then
 * fetched as one more file.
 */
const registerUrl = new URL('../../../shared/teryt/register.json', import.meta.url).href;
const readPowiaty = reader<{ powiaty: Record<string, string> }>({ powiaty: { '*': 'string' } });
let loading: Promise<Record<string, string>> | undefined;

/** The powiats of a voivodeship, [code, name] in Polish order of names. */
export async function powiatyOf(wojewodztwo: string, signal?: AbortSignal): Promise<[string, string][]> {
  loading ??= requestJson(registerUrl, readPowiaty).then(
    (data) => data.powiaty,
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  const all = await loading;
  signal?.throwIfAborted();
  return Object.entries(all)
    .filter(([code]) => code.startsWith(wojewodztwo))
    .sort(([, a], [, b]) => a.localeCompare(b, 'pl'));
}
