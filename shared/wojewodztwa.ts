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

export const ROPS: Readonly<Record<(typeof PARTNER_WOJEWODZTWA)[number], Rops>> = {
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
};

/** The lead partner of "Liderzy kooperacji". */
export const LEAD_WOJEWODZTWO = '18';
