import type { SESClient } from '@aws-sdk/client-ses';
import type { Config } from '../lib/config.ts';
import { buildRawMessage, type RawMail } from './mime.ts';

/** Sends one MIME message and returns SES's message id; throws if it was not accepted. */
export interface RawMailer {
  send(mail: Omit<RawMail, 'from'>): Promise<string>;
}

/**
 * SES (API v1) SendRawEmail: reminders carry an attachment and List-Unsubscribe headers, which the simple
 * SendEmail cannot. On AWS through the configuration set that reports bounces; locally the SES emulator.
 */
export function createSesRawMailer(
  config: Pick<Config, 'AWS_REGION' | 'SES_ENDPOINT' | 'MAIL_FROM' | 'MAIL_CONFIGURATION_SET'>,
): RawMailer {
  // Loaded on the first send, as the outbox's mailer is (functions/mail/mailer.ts).
  let client: Promise<{
    ses: SESClient;
    SendRawEmailCommand: typeof import('@aws-sdk/client-ses').SendRawEmailCommand;
  }>;
  const ses = () => {
    client ??= import('@aws-sdk/client-ses').then(({ SESClient, SendRawEmailCommand }) => ({
      ses: new SESClient({
        region: config.AWS_REGION,
        // Never the SDK's own retries: a retried send could arrive twice; the claim decides about retrying.
        maxAttempts: 1,
        ...(config.SES_ENDPOINT ? { endpoint: config.SES_ENDPOINT } : {}),
      }),
      SendRawEmailCommand,
    }));
    return client;
  };
  return {
    async send(mail) {
      const { ses: sesClient, SendRawEmailCommand } = await ses();
      const raw = buildRawMessage({ ...mail, from: `Kooperacja <${config.MAIL_FROM}>` });
      const { MessageId } = await sesClient.send(
        new SendRawEmailCommand({
          Source: `Kooperacja <${config.MAIL_FROM}>`,
          Destinations: mail.to,
          RawMessage: { Data: Buffer.from(raw, 'utf8') },
          ...(config.MAIL_CONFIGURATION_SET ? { ConfigurationSetName: config.MAIL_CONFIGURATION_SET } : {}),
        }),
        { abortSignal: AbortSignal.timeout(5_000) },
      );
      if (!MessageId) throw new Error('SES accepted the message without a message id');
      return MessageId;
    },
  };
}
