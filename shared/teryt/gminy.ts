import { GMINA_KIND_BY_RODZ, type GminaKind } from '../gmina-kinds.ts';
import type { TerytRegister } from './parse.ts';

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

/**
 * The gmina records of a register as parse.ts writes it. Kept apart from index.ts, which embeds the JSON:
 * the site fetches the register as data and builds the same records with this.
 */
export function toGminy(register: Pick<TerytRegister, 'wojewodztwa' | 'powiaty' | 'gminy'>): Gmina[] {
  return register.gminy.map(([teryt, name]): Gmina => {
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
  });
}
