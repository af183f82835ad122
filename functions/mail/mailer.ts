import type { SESClient } from '@aws-sdk/client-ses';
import type { Config } from '../lib/config.ts';

export interface MailMessage {
  to: string[];
  subject: string;
  html: string;
  text: string;
  /** Files sent with the message (a final agreement): sent as raw MIME, which SES takes up to 10 MB. */
  attachments?: MailAttachment[];
  /** SES message tags, which SES's events for the message carry back (the outbox's key: mail-events.ts). */
  tags?: Record<string, string>;
}

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: Uint8Array;
}

/** Sends one message and returns the provider's message id; throws if it was not accepted. */
export interface Mailer {
  send(message: MailMessage): Promise<string>;
}

/** SES (API v1): on AWS through the configuration set that reports bounces; locally the SES emulator. */
export function createSesMailer(
  config: Pick<Config, 'AWS_REGION' | 'SES_ENDPOINT' | 'MAIL_FROM' | 'MAIL_CONFIGURATION_SET'>,
  /** How long SES has to answer (a test makes it short against a server that never answers). */
  timeouts: { simpleMs?: number; rawMs?: number } = {},
): Mailer {
  // Loaded on the first send, not at cold start: most requests (a replay, a refusal, a read) send nothing,
  // and the SES client is a third of a handler's start-up time. Created once, then reused.
  let client: Promise<{
    ses: SESClient;
    SendEmailCommand: typeof import('@aws-sdk/client-ses').SendEmailCommand;
    SendRawEmailCommand: typeof import('@aws-sdk/client-ses').SendRawEmailCommand;
  }>;
  const ses = () => {
    client ??= import('@aws-sdk/client-ses').then(({ SESClient, SendEmailCommand, SendRawEmailCommand }) => ({
      ses: new SESClient({
        region: config.AWS_REGION,
        // The SDK's own retries could send a message twice; the outbox decides about retrying instead.
        maxAttempts: 1,
        ...(config.SES_ENDPOINT ? { endpoint: config.SES_ENDPOINT } : {}),
      }),
      SendEmailCommand,
      SendRawEmailCommand,
    }));
    return client;
  };
  return {
    async send(message) {
      const { ses: sesClient, SendEmailCommand, SendRawEmailCommand } = await ses();
      const tags = Object.entries(message.tags ?? {}).map(([Name, Value]) => ({ Name, Value }));
      const tagged = tags.length > 0 ? { Tags: tags } : {};
      if (message.attachments?.length) {
        const { MessageId } = await sesClient.send(
          new SendRawEmailCommand({
            RawMessage: { Data: rawMime(`Kooperacja <${config.MAIL_FROM}>`, message) },
            ...(config.MAIL_CONFIGURATION_SET ? { ConfigurationSetName: config.MAIL_CONFIGURATION_SET } : {}),
            ...tagged,
          }),
          { abortSignal: AbortSignal.timeout(timeouts.rawMs ?? 10_000) },
        );
        if (!MessageId) throw new Error('SES accepted the message without a message id');
        return MessageId;
      }
      const { MessageId } = await sesClient.send(
        new SendEmailCommand({
          Source: `Kooperacja <${config.MAIL_FROM}>`,
          Destination: { ToAddresses: message.to },
          Message: {
            Subject: { Data: message.subject, Charset: 'UTF-8' },
            Body: {
              Html: { Data: message.html, Charset: 'UTF-8' },
              Text: { Data: message.text, Charset: 'UTF-8' },
            },
          },
          ...(config.MAIL_CONFIGURATION_SET ? { ConfigurationSetName: config.MAIL_CONFIGURATION_SET } : {}),
          ...tagged,
        }),
        { abortSignal: AbortSignal.timeout(timeouts.simpleMs ?? 5_000) },
      );
      if (!MessageId) throw new Error('SES accepted the message without a message id');
      return MessageId;
    },
  };
}

/** "=?UTF-8?B?…?=": a header with Polish letters (RFC 2047). */
function encodedWord(text: string): string {
  return `=?UTF-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`;
}

function base64Lines(bytes: Uint8Array): string {
  return (
    Buffer.from(bytes)
      .toString('base64')
      .match(/.{1,76}/g) ?? []
  ).join('\r\n');
}

/** A multipart/mixed message: the text and HTML alternatives, then each attachment in base64. */
export function rawMime(from: string, message: MailMessage): Uint8Array {
  const mixed = `mixed-${crypto.randomUUID()}`;
  const alternative = `alt-${crypto.randomUUID()}`;
  const utf8 = (text: string) => new TextEncoder().encode(text);
  const lines = [
    `From: ${from}`,
    `To: ${message.to.join(', ')}`,
    `Subject: ${encodedWord(message.subject)}`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${mixed}"`,
    '',
    `--${mixed}`,
    `Content-Type: multipart/alternative; boundary="${alternative}"`,
    '',
    `--${alternative}`,
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(utf8(message.text)),
    `--${alternative}`,
    'Content-Type: text/html; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(utf8(message.html)),
    `--${alternative}--`,
    ...(message.attachments ?? []).flatMap((attachment) => [
      `--${mixed}`,
      `Content-Type: ${attachment.contentType}; name="${attachment.filename}"`,
      `Content-Disposition: attachment; filename="${attachment.filename}"`,
      'Content-Transfer-Encoding: base64',
      '',
      base64Lines(attachment.content),
    ]),
    `--${mixed}--`,
    '',
  ];
  return utf8(lines.join('\r\n'));
}
