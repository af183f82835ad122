/** The compact register: what the product needs of TERC, small enough to ship to a browser. */
export interface TerytRegister {
  /** Date of the register's state (STAN_NA), e.g. "2024-01-01". */
  stan: string;
  /** Voivodeship code (2 digits) → name, lower case as written in running text ("podkarpackie"). */
  wojewodztwa: Record<string, string>;
  /** Powiat code (4 digits) → name ("jędrzejowski", or a city's name for a miasto na prawach powiatu). */
  powiaty: Record<string, string>;
  /** [7-digit TERYT code, name] of every gmina (RODZ 1, 2 or 3), in register order. */
  gminy: [string, string][];
}

const GMINA_RODZ = new Set(['1', '2', '3']);

/** Parses the TERC CSV published by GUS (semicolon-separated, header row first). */
export function parseTercCsv(csv: string): TerytRegister {
  const register: TerytRegister = { stan: '', wojewodztwa: {}, powiaty: {}, gminy: [] };
  const lines = csv.split(/\r?\n/).filter((line) => line.trim() !== '');
  const header = lines.shift();
  if (header?.replace(/^\uFEFF/, '') !== 'WOJ;POW;GMI;RODZ;NAZWA;NAZWA_DOD;STAN_NA') {
    throw new Error(`Unexpected TERC header: ${header}`);
  }
  for (const line of lines) {
    const [woj, pow, gmi, rodz, nazwa, , stan] = line.split(';');
    if (!woj || nazwa === undefined || !stan) throw new Error(`Malformed TERC row: ${line}`);
    register.stan ||= stan;
    if (!pow) register.wojewodztwa[woj] = nazwa.toLocaleLowerCase('pl');
    else if (!gmi) register.powiaty[woj + pow] = nazwa;
    else if (rodz && GMINA_RODZ.has(rodz)) register.gminy.push([woj + pow + gmi + rodz, nazwa]);
  }
  return register;
}
