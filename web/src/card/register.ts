import * as z from 'zod/mini';
import { GMINA_KIND_BY_RODZ, type GminaKind } from '../../../shared/gmina-kinds.ts';
import type { Gmina } from '../../../shared/teryt/index.ts';
// The register (85 KB) is data, not code: Vite copies it into the build under a content hash and this is
// its address. The picker fetches it, so the form's JavaScript stays small and the data is cached for good.
import registerUrl from '../../../shared/teryt/register.json?url';
import { requestJson } from '../lib/api.ts';

export interface Register {
  gminy: Gmina[];
  byTeryt: ReadonlyMap<string, Gmina>;
  /** Powiat code (4 digits) → name. */
  powiaty: Readonly<Record<string, string>>;
}

// Checked only for shape: it is our own build artefact, and its 2,477 rows are read once.
const ZRegister = z.object({
  wojewodztwa: z.record(z.string(), z.string()),
  powiaty: z.record(z.string(), z.string()),
  gminy: z.array(z.array(z.string())),
});

/** Gmina records as shared/teryt/index.ts builds them (that module embeds the JSON, so it is not imported). */
function toRegister(data: z.infer<typeof ZRegister>): Register {
  const gminy = data.gminy.map(([teryt = '', name = '']): Gmina => {
    const powiatCode = teryt.slice(0, 4);
    const wojewodztwoCode = teryt.slice(0, 2);
    return {
      teryt,
      name,
      kind: GMINA_KIND_BY_RODZ[teryt.slice(6)] as GminaKind,
      powiatCode,
      powiat: data.powiaty[powiatCode] ?? '',
      wojewodztwoCode,
      wojewodztwo: data.wojewodztwa[wojewodztwoCode] ?? '',
    };
  });
  return { gminy, byTeryt: new Map(gminy.map((gmina) => [gmina.teryt, gmina])), powiaty: data.powiaty };
}

let loaded: Register | undefined;
let loading: Promise<Register> | undefined;

/** The register, fetched once per page load; a failed fetch is forgotten so "try again" fetches anew. */
export function loadRegister(): Promise<Register> {
  loading ??= requestJson(registerUrl, ZRegister).then(
    (data) => (loaded = toRegister(data)),
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
