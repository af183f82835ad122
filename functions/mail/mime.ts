import { randomBytes } from 'node:crypto';

/**
 * A MIME message (RFC 5322, 2045–2047) for SES's raw sending: text and HTML alternatives, attachments, and
 * headers SES's simple sending cannot carry (List-Unsubscribe, RFC 2369 and 8058). Every part is base64,
 * so Polish letters and long lines travel unchanged.
 */
export interface RawMail {
  from: string;
  to: string[];
  replyTo?: string | undefined;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
  attachments?: { filename: string; contentType: string; content: string }[];
}

/** An encoded-word for a header holding non-ASCII text (RFC 2047), in chunks that keep lines short. */
export function encodeHeaderText(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return text;
  const words: string[] = [];
  let chunk = '';
  for (const char of text) {
    if (Buffer.byteLength(chunk + char, 'utf8') > 45) {
      words.push(chunk);
      chunk = '';
    }
    chunk += char;
  }
  if (chunk) words.push(chunk);
  return words.map((word) => `=?UTF-8?B?${Buffer.from(word, 'utf8').toString('base64')}?=`).join('\r\n ');
}

function base64Lines(content: string): string {
  return (
    Buffer.from(content, 'utf8')
      .toString('base64')
      .match(/.{1,76}/g) ?? []
  ).join('\r\n');
}

function part(contentType: string, content: string, extra: string[] = []): string {
  return [
    `Content-Type: ${contentType}`,
    'Content-Transfer-Encoding: base64',
    ...extra,
    '',
    base64Lines(content),
  ].join('\r\n');
}

function multipart(subtype: string, parts: string[]): { header: string; body: string } {
  const boundary = `=_${randomBytes(12).toString('hex')}`;
  return {
    header: `multipart/${subtype}; boundary="${boundary}"`,
    body: `${parts.map((body) => `--${boundary}\r\n${body}`).join('\r\n')}\r\n--${boundary}--`,
  };
}

export function buildRawMessage(mail: RawMail): string {
  for (const value of [mail.from, mail.replyTo ?? '', ...mail.to, ...Object.values(mail.headers ?? {})])
    if (/[\r\n]/.test(value)) throw new Error('A header value holds a line break');
  const alternative = multipart('alternative', [
    part('text/plain; charset=UTF-8', mail.text),
    part('text/html; charset=UTF-8', mail.html),
  ]);
  const attachments = (mail.attachments ?? []).map((attachment) =>
    part(`${attachment.contentType}; name="${attachment.filename}"`, attachment.content, [
      `Content-Disposition: attachment; filename="${attachment.filename}"`,
    ]),
  );
  const body =
    attachments.length > 0
      ? multipart('mixed', [`Content-Type: ${alternative.header}\r\n\r\n${alternative.body}`, ...attachments])
      : alternative;
  return [
    `From: ${mail.from}`,
    `To: ${mail.to.join(', ')}`,
    ...(mail.replyTo ? [`Reply-To: ${mail.replyTo}`] : []),
    `Subject: ${encodeHeaderText(mail.subject)}`,
    'MIME-Version: 1.0',
    ...Object.entries(mail.headers ?? {}).map(([name, value]) => `${name}: ${value}`),
    `Content-Type: ${body.header}`,
    '',
    body.body,
    '',
  ].join('\r\n');
}
