import type { TErrorContact } from '../../../shared/schemas/api.ts';
import { usePageTexts } from '../card/page-texts.ts';

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
