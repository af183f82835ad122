import type { HEAD_TITLES, INFRASTRUCTURE_ITEMS } from '../schemas/card.ts';

/*
 * The Polish names of the card's fixed choices, shown on the site (web/src/card/texts.ts) and written in
 * the confirmation e-mail (functions/mail/card-summary.ts): one wording for both.
 */

export const HEAD_TITLES_PL: Record<(typeof HEAD_TITLES)[number], string> = {
  wojt: 'Wójt',
  burmistrz: 'Burmistrz',
  prezydent: 'Prezydent miasta',
};

export const INFRASTRUCTURE_ITEMS_PL: Record<(typeof INFRASTRUCTURE_ITEMS)[number], string> = {
  ops: 'ośrodek pomocy społecznej (OPS)',
  pcpr: 'powiatowe centrum pomocy rodzinie (PCPR)',
  sds: 'środowiskowy dom samopomocy (ŚDS)',
  'dzienny-dom-pomocy': 'dzienny dom pomocy',
  'klub-seniora': 'klub seniora',
  swietlica: 'świetlica',
  'placowka-wsparcia-dziennego': 'placówka wsparcia dziennego',
  cis: 'centrum integracji społecznej (CIS)',
  kis: 'klub integracji społecznej (KIS)',
  ngo: 'organizacje pozarządowe działające w gminie',
};
