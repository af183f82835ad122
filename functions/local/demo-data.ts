import { callFromWarsawTimes } from '../../shared/calls.ts';
import type { TCall, TCallEntry, TProgramme } from '../../shared/schemas/programme.ts';
import { warsawDate } from '../../shared/time.ts';
import { MAKROREGION_II_WOJEWODZTWA, PARTNER_WOJEWODZTWA, ROPS } from '../../shared/wojewodztwa.ts';
import { createCall } from '../repositories/calls.ts';
import type { Db } from '../repositories/dynamo.ts';
import { type OfficeRecord, putOfficesUnlogged } from '../repositories/offices.ts';
import { createProgramme, programmeExists } from '../repositories/programmes.ts';
import { createUserIfAbsent, type User } from '../repositories/users.ts';

/** "Liderzy kooperacji" as the recruitment letter of 07.05.2018 describes it (milestones KM I–IV). */
export const LIDERZY_KOOPERACJI: TProgramme = {
  id: 'liderzy-kooperacji',
  name: 'Liderzy kooperacji',
  description:
    'Wypracowanie i wdrożenie modelu kooperacji pomiędzy instytucjami pomocy i integracji społecznej ' +
    'a podmiotami innych polityk sektorowych, istotnych z punktu widzenia włączenia społecznego i ' +
    'zwalczania ubóstwa, na terenie gmin wiejskich makroregionu. Projekt PO WER, Działanie 2.5.',
  leadWojewodztwo: '18',
  wojewodztwa: [...PARTNER_WOJEWODZTWA],
  gminaKinds: ['wiejska'],
  startsOn: '2018-04-01',
  endsOn: '2021-03-31',
  milestones: [
    { number: 1, name: 'Opracowanie modelu', startsOn: '2018-04-01', endsOn: '2019-03-31' },
    { number: 2, name: 'Testowanie modelu (wdrożenie)', startsOn: '2019-04-01', endsOn: '2020-09-30' },
    { number: 3, name: 'Podsumowanie testów', startsOn: '2020-10-01', endsOn: '2020-12-31' },
    { number: 4, name: 'Działania edukacyjne (szkoleniowe)', startsOn: '2021-01-01', endsOn: '2021-03-31' },
  ],
};

/**
 * "Kooperacja – efektywna i skuteczna": Makroregion II, led by ROPS Toruń, for urban-rural gminas, scored by
 * its own criteria (KOOPERACJA_RULE_SET: families and persons on assistance, their share of the population,
 * families with an asystent rodziny, income diversity) — all asked by the same karta zgłoszeniowa.
 */
export const KOOPERACJA_EFEKTYWNA: TProgramme = {
  id: 'kooperacja-efektywna-i-skuteczna',
  name: 'Kooperacja – efektywna i skuteczna',
  description:
    'Wypracowanie i przetestowanie modelu kooperacji instytucji pomocy i integracji społecznej z ' +
    'podmiotami innych polityk sektorowych w gminach miejsko-wiejskich Makroregionu II. Projekt PO WER, ' +
    'Działanie 2.5.',
  leadWojewodztwo: '04',
  wojewodztwa: [...MAKROREGION_II_WOJEWODZTWA],
  gminaKinds: ['miejsko-wiejska'],
  startsOn: '2018-05-01',
  endsOn: '2021-06-30',
  milestones: [
    { number: 1, name: 'Opracowanie modelu', startsOn: '2018-05-01', endsOn: '2019-04-30' },
    { number: 2, name: 'Testowanie modelu (wdrożenie)', startsOn: '2019-05-01', endsOn: '2020-10-31' },
    { number: 3, name: 'Podsumowanie testów', startsOn: '2020-11-01', endsOn: '2021-02-28' },
    { number: 4, name: 'Działania edukacyjne (szkoleniowe)', startsOn: '2021-03-01', endsOn: '2021-06-30' },
  ],
};

export const DEMO_PROGRAMMES: readonly TProgramme[] = [LIDERZY_KOOPERACJI, KOOPERACJA_EFEKTYWNA];

const WOJEWODZTWO_GENITIVE: Record<string, string> = {
  '18': 'podkarpackiego',
  '20': 'podlaskiego',
  '06': 'lubelskiego',
  '26': 'świętokrzyskiego',
  '14': 'mazowieckiego',
  '04': 'kujawsko-pomorskiego',
  '08': 'lubuskiego',
  '22': 'pomorskiego',
  '30': 'wielkopolskiego',
  '32': 'zachodniopomorskiego',
  '28': 'warmińsko-mazurskiego',
};

const CALL_DAYS_OPEN = 28;

function addDays(date: string, days: number): string {
  const instant = new Date(`${date}T12:00:00Z`);
  instant.setUTCDate(instant.getUTCDate() + days);
  return instant.toISOString().slice(0, 10);
}

/**
 * One call per partner voivodeship of each programme: rural gminas for "Liderzy kooperacji", urban-rural
 * ones for "Kooperacja – efektywna i skuteczna". The demo's dates move with the clock — opened a week ago,
 * closing four weeks later at 23:59:59 Warsaw time — so a fresh `npm start` always has open calls. The
 * Liderzy calls come first.
 */
export function demoCalls(now: Date): TCall[] {
  const opensOn = addDays(warsawDate(now), -7);
  const times = { opensAt: `${opensOn}T00:00`, closesAt: `${addDays(opensOn, CALL_DAYS_OPEN)}T23:59` };
  const liderzy = PARTNER_WOJEWODZTWA.map(
    (code): TCallEntry => ({
      id: `liderzy-kooperacji-${code}`,
      programmeId: LIDERZY_KOOPERACJI.id,
      title: `Nabór gmin wiejskich województwa ${WOJEWODZTWO_GENITIVE[code]} do projektu „Liderzy kooperacji”`,
      wojewodztwa: [code],
      gminaKinds: ['wiejska'],
      ...times,
      formVersion: 1,
      rules:
        `${ROPS[code].name} zaprasza gminy wiejskie województwa ${WOJEWODZTWO_GENITIVE[code]} do udziału ` +
        'w projekcie „Liderzy kooperacji”.\n\n' +
        'Gmina zgłasza się, wysyłając kartę zgłoszeniową przed upływem terminu naboru. O dotrzymaniu ' +
        'terminu decyduje data wysłania zgłoszenia.\n\n' +
        'Zgłoszone gminy zostaną ocenione pod kątem: wielkości (liczba mieszkańców, sołectw), wysokości ' +
        'dochodu na mieszkańca, liczby osób długotrwale korzystających z pomocy społecznej w stosunku do ' +
        'liczby mieszkańców ogółem oraz zasobów infrastruktury pomocowej i instytucjonalnej.\n\n' +
        'Wybrane gminy i ich powiaty zawrą z województwem porozumienie o współpracy.',
    }),
  );
  const kooperacja = MAKROREGION_II_WOJEWODZTWA.map(
    (code): TCallEntry => ({
      id: `kooperacja-efektywna-${code}`,
      programmeId: KOOPERACJA_EFEKTYWNA.id,
      title:
        `Nabór gmin miejsko-wiejskich województwa ${WOJEWODZTWO_GENITIVE[code]} do projektu ` +
        '„Kooperacja – efektywna i skuteczna”',
      wojewodztwa: [code],
      gminaKinds: ['miejsko-wiejska'],
      ...times,
      formVersion: 1,
      rules:
        `${ROPS[code].name} zaprasza gminy miejsko-wiejskie województwa ${WOJEWODZTWO_GENITIVE[code]} do ` +
        'udziału w projekcie „Kooperacja – efektywna i skuteczna” (Makroregion II).\n\n' +
        'Gmina zgłasza się, wysyłając kartę zgłoszeniową przed upływem terminu naboru. O dotrzymaniu ' +
        'terminu decyduje data wysłania zgłoszenia.\n\n' +
        'Zgłoszone gminy zostaną ocenione pod kątem: liczby rodzin i osób korzystających z pomocy ' +
        'społecznej, ich udziału w liczbie mieszkańców, liczby rodzin objętych pracą asystenta rodziny ' +
        'oraz zróżnicowania dochodu na mieszkańca w subregionie.\n\n' +
        'Wybrane gminy i ich powiaty zawrą z województwem porozumienie o współpracy.',
    }),
  );
  return [...liderzy, ...kooperacja].map((entry) => callFromWarsawTimes(entry));
}

/**
 * A demonstration edition of the programme whose milestones move with the clock (as the demo calls do): KM I
 * ends in ten days and KM II starts the day after, so a fresh `npm start` has reminders coming up. (The second
 * real programme, "Kooperacja – efektywna i skuteczna", is its own demo with its own region.)
 */
export function demoProgrammeAhead(now: Date): TProgramme {
  const today = warsawDate(now);
  return {
    id: 'liderzy-kooperacji-demo',
    name: 'Liderzy kooperacji – edycja demonstracyjna',
    description: 'Edycja demonstracyjna: kamienie milowe przesuwają się razem z zegarem.',
    leadWojewodztwo: '18',
    wojewodztwa: [...PARTNER_WOJEWODZTWA],
    gminaKinds: ['wiejska'],
    startsOn: addDays(today, -90),
    endsOn: addDays(today, 400),
    milestones: [
      {
        number: 1,
        name: 'Diagnoza i plan współpracy',
        startsOn: addDays(today, -90),
        endsOn: addDays(today, 10),
      },
      { number: 2, name: 'Wdrożenie modelu', startsOn: addDays(today, 11), endsOn: addDays(today, 200) },
      { number: 3, name: 'Podsumowanie', startsOn: addDays(today, 201), endsOn: addDays(today, 300) },
      { number: 4, name: 'Upowszechnienie', startsOn: addDays(today, 301), endsOn: addDays(today, 400) },
    ],
  };
}

/**
 * A coordinator per voivodeship of each programme, and each programme's lead ROPS, whose account names its
 * own voivodeship: it leads the programme whose lead voivodeship that is (functions/domain/access.ts).
 */
export const DEMO_USERS: readonly User[] = [
  ...[...PARTNER_WOJEWODZTWA, ...MAKROREGION_II_WOJEWODZTWA].map((code) => ({
    email: `koordynator.${code}@kooperacja.example`,
    name: `Koordynator — ${ROPS[code].name}`,
    role: 'coordinator' as const,
    wojewodztwa: [code],
  })),
  {
    email: 'lider@kooperacja.example',
    name: 'Lider projektu „Liderzy kooperacji” — ROPS w Rzeszowie',
    role: 'lead',
    wojewodztwa: [LIDERZY_KOOPERACJI.leadWojewodztwo],
  },
  {
    email: 'lider.torun@kooperacja.example',
    name: 'Lider projektu „Kooperacja – efektywna i skuteczna” — ROPS w Toruniu',
    role: 'lead',
    wojewodztwa: [KOOPERACJA_EFEKTYWNA.leadWojewodztwo],
  },
];

/**
 * The directory of gmina offices (issue 13) for `npm start`: `urzad.<teryt>@gmina.example` for every gmina
 * of the demo calls' voivodeships (from the TERYT register), so the office notice of every demo card lands in
 * the SES emulator's inbox.
 */
export async function demoOffices(calls: readonly TCall[], now: Date): Promise<OfficeRecord[]> {
  const { GMINY } = await import('../../shared/teryt/index.ts');
  const wojewodztwa = new Set(calls.flatMap((call) => call.wojewodztwa));
  return GMINY.filter((gmina) => wojewodztwa.has(gmina.wojewodztwoCode)).map((gmina) => ({
    teryt: gmina.teryt,
    gminaName: gmina.name,
    email: `urzad.${gmina.teryt}@gmina.example`,
    source: 'demo',
    changedAt: now.toISOString(),
    changedBy: 'demo',
  }));
}

/**
 * The demo directory of gmina offices, for the local stack (`npm start`, e2e): loaded beside the demo data
 * rather than by loadDemoData, so tests that load the demo programmes count only the e-mails they are about.
 * Rewriting the same addresses on a --persist restart changes nothing.
 */
export async function loadDemoOffices(db: Db, now: Date): Promise<number> {
  const offices = await demoOffices(demoCalls(now), now);
  await putOfficesUnlogged(db, offices);
  return offices.length;
}

/**
 * Loads the demo once per programme: a table that already has a programme (a --persist restart) keeps it
 * and its calls as they are; one from before the second programme gets that programme, its calls and
 * accounts.
 */
export async function loadDemoData(db: Db, now: Date): Promise<'loaded' | 'already-present'> {
  let loaded = false;
  const calls = demoCalls(now);
  for (const programme of DEMO_PROGRAMMES) {
    if (await programmeExists(db, programme.id)) continue;
    await createProgramme(db, programme);
    for (const call of calls.filter((candidate) => candidate.programmeId === programme.id))
      await createCall(db, call);
    loaded = true;
  }
  const ahead = demoProgrammeAhead(now);
  if (!(await programmeExists(db, ahead.id))) {
    await createProgramme(db, ahead);
    loaded = true;
  }
  if (!loaded) return 'already-present';
  for (const user of DEMO_USERS) await createUserIfAbsent(db, user);
  return 'loaded';
}
