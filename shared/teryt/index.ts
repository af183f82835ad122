import { readFileSync } from 'node:fs';
import { type Gmina, toGminy } from './gminy.ts';
import type { TerytRegister } from './parse.ts';

export type { Gmina };

/*
 * The register for Node (the API, tests, scripts), read from register.json beside this module: data, not
 * code. In a Lambda bundle "this module" is the bundle, and infra/bundling.ts puts a copy of the file
 * beside it; the API imports this module only when it first checks a card's gmina. (The site fetches the
 * same file and builds the same records with gminy.ts.)
 */
const register = JSON.parse(
  readFileSync(new URL('./register.json', import.meta.url), 'utf8'),
) as TerytRegister;

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
