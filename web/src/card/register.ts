import { type Gmina, toGminy } from '../../../shared/teryt/gminy.ts';
import type { TerytRegister } from '../../../shared/teryt/parse.ts';
// The register (85 KB) is data, not code: Vite copies it into the build under a content hash and this is
// its address. The picker fetches it, so the form's JavaScript stays small and the data is cached for good.
import registerUrl from '../../../shared/teryt/register.json?url';
import { requestJson } from '../lib/api.ts';
import { reader } from '../lib/shape.ts';

export interface Register {
  gminy: Gmina[];
  byTeryt: ReadonlyMap<string, Gmina>;
  /** Powiat code (4 digits) → name. */
  powiaty: Readonly<Record<string, string>>;
}

type RegisterData = Pick<TerytRegister, 'wojewodztwa' | 'powiaty' | 'gminy'>;

// Checked only for shape: it is our own build artefact, and its 2,477 rows are read once.
const readRegister = reader<RegisterData>({
  wojewodztwa: { '*': 'string' },
  powiaty: { '*': 'string' },
  gminy: [['string']],
});

function toRegister(data: RegisterData): Register {
  const gminy = toGminy(data);
  return { gminy, byTeryt: new Map(gminy.map((gmina) => [gmina.teryt, gmina])), powiaty: data.powiaty };
}

let loaded: Register | undefined;
let loading: Promise<Register> | undefined;

/** The register, fetched once per page load; a failed fetch is forgotten so "try again" fetches anew. */
export function loadRegister(): Promise<Register> {
  loading ??= requestJson(registerUrl, readRegister).then(
    // Building 2,477 records waits for a task of its own, so it never lengthens the task that parsed the
    // JSON (on a slow phone the two together would block input for longer than 50 ms).
    (data) =>
      new Promise<Register>((resolve) =>
        setTimeout(() => {
          loaded = toRegister(data);
          resolve(loaded);
        }),
      ),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** The register if it is already here: pages show it at once instead of a loading message. */
export function loadedRegister(): Register | undefined {
  return loaded;
}
