import type { TErrorContact } from '../../../shared/schemas/api.ts';
import { usePageTexts } from '../card/page-texts.ts';
import { requestJson } from '../lib/api.ts';
import { reader } from '../lib/shape.ts';
import { useResource } from '../lib/use-resource.ts';

/** A ROPS's contact in a few lines: whom a gmina writes to or calls about a card, and when. */
export function RopsContactLines(props: { contact: TErrorContact }) {
  const { contact } = props;
  const words = usePageTexts().contact;
  return (
    <p lang="pl">
      {contact.name}
      <br />
      {contact.address}
      <br />
      {words.email} <a href={`mailto:${contact.email}`}>{contact.email}</a>, {words.phone} {contact.phone}
      <br />
      {words.hours} {contact.hours}
    </p>
  );
}

const readContacts = reader<{ contacts?: (TErrorContact & { wojewodztwo: string })[] }>({
  'contacts?': [
    {
      wojewodztwo: 'string',
      name: 'string',
      address: 'string',
      email: 'string',
      phone: 'string',
      hours: 'string',
    },
  ],
});

/**
 * The ROPS of the gmina's voivodeship, from the call's data (issue 17): whom to contact about a card. With
 * a heading where the page asks for one. Nothing while it loads or if it cannot: the page still says whom
 * in words, and links to the call's page, which names it.
 */
export function GminaRops(props: { callId: string; teryt: string; heading?: boolean }) {
  const { callId, teryt } = props;
  const words = usePageTexts().contact;
  const [call] = useResource(`call-contacts:${callId}`, (signal) =>
    requestJson(`/api/calls/${encodeURIComponent(callId)}`, readContacts, { signal }),
  );
  const contact =
    call.status === 'ready'
      ? call.data.contacts?.find((one) => one.wojewodztwo === teryt.slice(0, 2))
      : undefined;
  if (!contact) return null;
  return (
    <>
      {props.heading ? <h2>{words.heading}</h2> : null}
      <RopsContactLines contact={contact} />
    </>
  );
}
