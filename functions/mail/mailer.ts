import type { SESClient } from '@aws-sdk/client-ses';
import type { Config } from '../lib/config.ts';

export interface MailMessage {
  to: string[];
  subject: string;
  html: string;
  text: string;
}

/** Sends one message and returns the provider's message id; throws if it was not accepted. */
export interface Mailer {
  send(message: MailMessage): Promise<string>;
}

/** SES (API v1): on AWS through the configuration set that reports bounces; locally the SES emulator. */
export function createSesMailer(
  config: Pick<Config, 'AWS_REGION' | 'SES_ENDPOINT' | 'MAIL_FROM' | 'MAIL_CONFIGURATION_SET'>,
): Mailer {
  // Loaded on the first send, not at cold start: most requests (a replay, a refusal, a read) send nothing,
  // and the SES client is a third of a handler's start-up time. Created once, then reused.
  let client: Promise<{
    ses: SESClient;
    SendEmailCommand: typeof import('@aws-sdk/client-ses').SendEmailCommand;
  }>;
  const ses = () => {
    client ??= import('@aws-sdk/client-ses').then(({ SESClient, SendEmailCommand }) => ({
      ses: new SESClient({
        region: config.AWS_REGION,
        // The SDK's own retries could send a message twice; the outbox decides about retrying instead.
        maxAttempts: 1,
        ...(config.SES_ENDPOINT ? { endpoint: config.SES_ENDPOINT } : {}),
      }),
      SendEmailCommand,
    }));
    return client;
  };
  return {
    async send(message) {
      const { ses: sesClient, SendEmailCommand } = await ses();
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
        }),
        { abortSignal: AbortSignal.timeout(5_000) },
      );
      if (!MessageId) throw new Error('SES accepted the message without a message id');
      return MessageId;
    },
  };
}
