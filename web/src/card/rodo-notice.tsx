import { ropsContactOf } from '../../../shared/rops-contacts.ts';
import { useI18n } from '../lib/i18n.ts';

/**
 * The personal-data notice of the declarations step (RODO art. 13), naming the actual controller — the
 * ROPS of the chosen gmina's voivodeship — and its data protection officer (issue 17). A chunk of its own,
 * fetched when the step shows it: the contacts and both languages' words stay out of the card form's first
 * download, which has no room for them.
 */
const PL = {
  heading: 'Informacja o przetwarzaniu danych osobowych',
  controller: 'Administratorem danych osobowych podanych w karcie jest',
  noGmina:
    'Administratorem danych osobowych podanych w karcie jest regionalny ośrodek polityki społecznej województwa wybranej gminy (wybierz gminę w pierwszym kroku, a podamy jego nazwę).',
  iod: (email: string, address: string) =>
    `W sprawach danych osobowych możesz się skontaktować z inspektorem ochrony danych: ${email}, ${address}.`,
  rest: [
    'Dane przetwarzamy, aby przeprowadzić nabór gmin i zrealizować projekt współfinansowany z Europejskiego Funduszu Społecznego (art. 6 ust. 1 lit. c i e RODO), i przechowujemy je do zakończenia archiwizacji dokumentacji projektu.',
    'Dane mogą otrzymać instytucje, które zarządzają programem i go kontrolują. Masz prawo dostępu do danych, ich sprostowania, ograniczenia przetwarzania, wniesienia sprzeciwu oraz skargi do Prezesa Urzędu Ochrony Danych Osobowych.',
  ],
};

const EN: typeof PL = {
  heading: 'Information on the processing of personal data',
  controller: 'The controller of the personal data given in the card is',
  noGmina:
    'The controller of the personal data given in the card is the regional social policy centre of the chosen gmina’s voivodeship (choose the gmina in the first step and we will name it).',
  iod: (email: string, address: string) =>
    `About your personal data you can contact the data protection officer: ${email}, ${address}.`,
  rest: [
    'The data are processed to run the call and carry out a project co-financed by the European Social Fund (Article 6(1)(c) and (e) GDPR), and kept until the project records have been archived.',
    'The data may be disclosed to the institutions that manage and audit the programme. You have the right of access, rectification, restriction of processing, to object, and to lodge a complaint with the President of the Personal Data Protection Office (UODO).',
  ],
};

export function RodoNotice(props: { teryt: string | undefined }) {
  const { t } = useI18n();
  const texts = t.locale === 'pl-PL' ? PL : EN;
  const rops = props.teryt ? ropsContactOf(props.teryt) : undefined;
  return (
    <div class="inset">
      <h2 class="inset__title">{texts.heading}</h2>
      {rops ? (
        <>
          <p>
            {texts.controller} <span lang="pl">{rops.controller}</span>.
          </p>
          <p>{texts.iod(rops.iod.email, rops.iod.address)}</p>
        </>
      ) : (
        <p>{texts.noGmina}</p>
      )}
      {texts.rest.map((paragraph) => (
        <p key={paragraph}>{paragraph}</p>
      ))}
    </div>
  );
}
