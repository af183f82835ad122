import { type Gmina, toGminy } from './gminy.ts';
import type { TerytRegister } from './parse.ts';
import registerJson from './register.json' with { type: 'json' };

export type { Gmina };

// JSON imports are typed loosely (string[][]); the shape is what parse.ts wrote.
const register = registerJson as unknown as TerytRegister;

export const TERYT_STAN = register.stan;

export const WOJEWODZTWA: Readonly<Record<string, string>> = register.wojewodztwa;

/** Powiat code (4 digits) → name. */
export const POWIATY: ReadonlyMap<string, string> = new Map(Object.entries(register.powiaty));

export const GMINY: readonly Gmina[] = toGminy(register);

const byTeryt = new Map(GMINY.map((gmina) => [gmina.teryt, gmina]));

export function findGmina(teryt: string): Gmina | undefined {
  return byTeryt.get(teryt);
}

export const TERYT_GMINA_PATTERN = /^\d{6}[123]$/;
