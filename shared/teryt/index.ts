import { GMINA_KIND_BY_RODZ, type GminaKind } from '../gmina-kinds.ts';
import type { TerytRegister } from './parse.ts';
import registerJson from './register.json' with { type: 'json' };

export interface Gmina {
  /** 7 digits: WOJ+POW+GMI+RODZ, what the product stores. */
  teryt: string;
  name: string;
  kind: GminaKind;
  powiatCode: string;
  powiat: string;
  wojewodztwoCode: string;
  wojewodztwo: string;
}

// JSON imports are typed loosely (string[][]); the shape is what parse.ts wrote.
const register = registerJson as unknown as TerytRegister;

export const TERYT_STAN = register.stan;

export const WOJEWODZTWA: Readonly<Record<string, string>> = register.wojewodztwa;

function toGmina([teryt, name]: [string, string]): Gmina {
  const powiatCode = teryt.slice(0, 4);
  const wojewodztwoCode = teryt.slice(0, 2);
  return {
    teryt,
    name,
    kind: GMINA_KIND_BY_RODZ[teryt.slice(6)] as GminaKind,
    powiatCode,
    powiat: register.powiaty[powiatCode] ?? '',
    wojewodztwoCode,
    wojewodztwo: register.wojewodztwa[wojewodztwoCode] ?? '',
  };
}

/** Powiat code (4 digits) → name. */
export const POWIATY: ReadonlyMap<string, string> = new Map(Object.entries(register.powiaty));

export const GMINY: readonly Gmina[] = register.gminy.map(toGmina);

const byTeryt = new Map(GMINY.map((gmina) => [gmina.teryt, gmina]));

export function findGmina(teryt: string): Gmina | undefined {
  return byTeryt.get(teryt);
}

export const TERYT_GMINA_PATTERN = /^\d{6}[123]$/;
