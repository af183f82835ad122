/**
 * The voivodeships of the "Liderzy kooperacji" macro-region and their ROPS. Codes are TERYT WOJ codes;
 * in mazowieckie the regional centre is MCPS, not a ROPS.
 */
export const PARTNER_WOJEWODZTWA = ['18', '20', '06', '26', '14'] as const;

export interface Rops {
  wojewodztwoCode: string;
  name: string;
  city: string;
}

/**
 * "Kooperacja – efektywna i skuteczna", Makroregion II: the lead ROPS in Toruń (kujawsko-pomorskie) and its
 * partners in Zielona Góra, Gdańsk, Poznań, Szczecin and Olsztyn.
 */
export const MAKROREGION_II_WOJEWODZTWA = ['04', '08', '22', '30', '32', '28'] as const;

export const ROPS: Readonly<
  Record<(typeof PARTNER_WOJEWODZTWA)[number] | (typeof MAKROREGION_II_WOJEWODZTWA)[number], Rops>
> = {
  '18': {
    wojewodztwoCode: '18',
    name: 'Regionalny Ośrodek Polityki Społecznej w Rzeszowie',
    city: 'Rzeszów',
  },
  '20': {
    wojewodztwoCode: '20',
    name: 'Regionalny Ośrodek Polityki Społecznej w Białymstoku',
    city: 'Białystok',
  },
  '06': { wojewodztwoCode: '06', name: 'Regionalny Ośrodek Polityki Społecznej w Lublinie', city: 'Lublin' },
  '26': { wojewodztwoCode: '26', name: 'Regionalny Ośrodek Polityki Społecznej w Kielcach', city: 'Kielce' },
  '14': { wojewodztwoCode: '14', name: 'Mazowieckie Centrum Polityki Społecznej', city: 'Warszawa' },
  '04': { wojewodztwoCode: '04', name: 'Regionalny Ośrodek Polityki Społecznej w Toruniu', city: 'Toruń' },
  '08': {
    wojewodztwoCode: '08',
    name: 'Regionalny Ośrodek Polityki Społecznej w Zielonej Górze',
    city: 'Zielona Góra',
  },
  '22': { wojewodztwoCode: '22', name: 'Regionalny Ośrodek Polityki Społecznej w Gdańsku', city: 'Gdańsk' },
  '30': { wojewodztwoCode: '30', name: 'Regionalny Ośrodek Polityki Społecznej w Poznaniu', city: 'Poznań' },
  '32': {
    wojewodztwoCode: '32',
    name: 'Regionalny Ośrodek Polityki Społecznej w Szczecinie',
    city: 'Szczecin',
  },
  '28': {
    wojewodztwoCode: '28',
    name: 'Regionalny Ośrodek Polityki Społecznej w Olsztynie',
    city: 'Olsztyn',
  },
};

/** The lead partner of "Liderzy kooperacji". */
export const LEAD_WOJEWODZTWO = '18';
