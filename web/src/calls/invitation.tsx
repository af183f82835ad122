import { requestJson } from '../lib/api.ts';
import { useLocation } from '../lib/router.ts';
import { reader } from '../lib/shape.ts';
import { useResource } from '../lib/use-resource.ts';
import { useCallsTexts } from './texts.ts';

/*
 * A call by invitation on its public page (issue 17): each invited office's e-mail links here with
 * `?gmina=<teryt>`. The page names the invited gminas, greets the one the link is for (and opens the card
 * form with it chosen), and tells a gmina that is not invited so before it fills in anything. The names
 * come from the TERYT register file the form's gmina picker fetches (asked only for a call by invitation,
 * and then already cached for the form); its address as `new URL(…, import.meta.url)`, as admin/powiaty.ts
 * explains. Nothing here is on the card form's route.
 */
const registerUrl = new URL('../../../shared/teryt/register.json', import.meta.url).href;
const readNames = reader<{ gminy: string[][] }>({ gminy: [['string']] });

/** The card form's sessionStorage key of a call (card/form-page.tsx's flowKey: kept equal, e2e-tested). */
const flowKey = (callId: string) => `kooperacja.karta.${callId}`;

/**
 * The card form of the call opens with the invited gmina chosen: its flow gets the gmina unless the clerk
 * already chose one in this tab. Written here so the form's route carries no code for it.
 */
export function preselectGmina(callId: string, teryt: string): void {
  try {
    type Stored = { answers?: { office?: Record<string, unknown> } };
    const flow: Stored = JSON.parse(sessionStorage.getItem(flowKey(callId)) ?? 'null') ?? {
      answers: {},
      serverErrors: {},
    };
    if (flow.answers?.office?.teryt !== undefined) return;
    const answers = { ...flow.answers, office: { ...flow.answers?.office, teryt } };
    sessionStorage.setItem(flowKey(callId), JSON.stringify({ ...flow, answers }));
  } catch {
    // Storage blocked: the clerk chooses the gmina in the form.
  }
}

/** The gmina an invitation link names (`?gmina=`), when it is a TERYT code. */
export function useInvitedGmina(): string | undefined {
  const { query } = useLocation();
  return /^\d{7}$/.test(query.gmina ?? '') ? query.gmina : undefined;
}

export type Invitation = 'none' | 'invited' | 'not-invited';

/** Whether the link's gmina may send a card: 'none' when the call invites no one or the link names none. */
export function invitationOf(invited: readonly string[] | undefined, gmina: string | undefined): Invitation {
  if (!invited || !gmina) return 'none';
  return invited.includes(gmina) ? 'invited' : 'not-invited';
}

/** The invited gminas by name, and what the call page says to the gmina of the link. */
export function InvitationNotice(props: {
  invited: readonly string[];
  gmina?: string | undefined;
  /** Whether the page offers the form (not before the opening, after the closing or a cancellation). */
  formOffered: boolean;
}) {
  const texts = useCallsTexts().call;
  const [names] = useResource('teryt-names', async () => {
    const { gminy } = await requestJson(registerUrl, readNames);
    return new Map(gminy.map((row) => [row[0] as string, row[1] as string]));
  });
  const nameOf = (teryt: string) => (names.status === 'ready' ? names.data.get(teryt) : undefined) ?? teryt;
  const state = invitationOf(props.invited, props.gmina);
  const listed = props.invited.map(nameOf).sort((a, b) => a.localeCompare(b, 'pl'));
  return (
    <>
      {state === 'invited' ? (
        <div class="notice" role="status">
          <p>
            <strong>{texts.invitationFor(nameOf(props.gmina as string))}</strong>
          </p>
          {props.formOffered ? <p>{texts.invitationHint}</p> : null}
        </div>
      ) : state === 'not-invited' ? (
        <div class="notice" role="alert">
          <p>
            <strong>{texts.notInvited(nameOf(props.gmina as string))}</strong>
          </p>
          <p>{texts.notInvitedHint}</p>
        </div>
      ) : null}
      <p>{texts.invitedOnly}</p>
      <p>
        {texts.invitedList} <span lang="pl">{listed.join(', ')}</span>
      </p>
    </>
  );
}
