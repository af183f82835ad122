/** Gmina kinds as TERYT names them; the last digit of a gmina's code (RODZ) says which it is. */
export const GMINA_KINDS = ['wiejska', 'miejsko-wiejska', 'miejska'] as const;
export type GminaKind = (typeof GMINA_KINDS)[number];

export const GMINA_KIND_BY_RODZ: Readonly<Record<string, GminaKind>> = {
  '1': 'miejska',
  '2': 'wiejska',
  '3': 'miejsko-wiejska',
};
