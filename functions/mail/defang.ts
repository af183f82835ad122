/**
 * Text a stranger typed, as the platform's e-mails show it: a web address in it is written "example[.]pl",
 * so no mail client turns it into a link under the official sender's name (escaping alone does not stop
 * clients from linking "www.example.pl" or "https://…" found in plain text). E-mail addresses stay as typed.
 */
const WEB_ADDRESS =
  /(?<![\p{L}\p{N}@._%+-])(?:(?:[a-z][a-z0-9+.-]*):\/\/[^\s<>"]+|(?:[\p{L}\p{N}-]+\.)+[\p{L}]{2,24}\b(?:\/[^\s<>"]*)?)(?![\p{L}\p{N}]*@)/giu;

export function defangLinks(text: string): string {
  return text.replace(WEB_ADDRESS, (address) =>
    address.replace(/:\/\//g, '[://]').replace(/\.(?=[^.\s/]+)/g, '[.]'),
  );
}
