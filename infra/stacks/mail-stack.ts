import { Stack, type StackProps } from 'aws-cdk-lib';
import {
  ConfigurationSet,
  EmailIdentity,
  EmailSendingEvent,
  EventDestination,
  type IConfigurationSet,
  Identity,
  type IEmailIdentity,
  SuppressionReasons,
} from 'aws-cdk-lib/aws-ses';
import { SqsSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Construct } from 'constructs';
import { QueueWithDeadLetters } from '../constructs/queue-with-dead-letters.ts';
import { ServiceTopic } from '../constructs/service-topic.ts';

export interface MailStackProps extends StackProps {
  /** The sender address, e.g. powiadomienia@… */
  mailFrom: string;
  /**
   * What SES verifies: the sender's whole domain (DKIM records in its DNS; for production) or only the
   * address (a confirmation link; for a stage without its own domain).
   */
  senderIdentity: 'domain' | 'address';
}

function domainOf(address: string): string {
  const domain = address.split('@')[1];
  if (!domain) throw new Error(`Not an e-mail address: "${address}"`);
  return domain;
}

/**
 * Sending e-mail through SES, and hearing back: bounces, complaints, deliveries and rejects reach a queue
 * (SES → SNS → SQS), so a later handler can stop writing to addresses that do not work.
 */
export class MailStack extends Stack {
  readonly identity: IEmailIdentity;
  readonly configurationSet: IConfigurationSet;
  readonly sendingEvents: QueueWithDeadLetters;

  constructor(scope: Construct, id: string, props: MailStackProps) {
    super(scope, id, props);
    const { topic } = new ServiceTopic(this, 'SendingEvents', {
      service: 'ses.amazonaws.com',
      description: 'SES sending events on their way through SNS',
    });

    this.sendingEvents = new QueueWithDeadLetters(this, 'SendingEventsQueue');
    topic.addSubscription(new SqsSubscription(this.sendingEvents.queue, { rawMessageDelivery: true }));

    const configurationSet = new ConfigurationSet(this, 'ConfigurationSet', {
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
      reputationMetrics: true,
    });
    configurationSet.addEventDestination('ToTopic', {
      destination: EventDestination.snsTopic(topic),
      events: [
        EmailSendingEvent.BOUNCE,
        EmailSendingEvent.COMPLAINT,
        EmailSendingEvent.DELIVERY,
        EmailSendingEvent.REJECT,
      ],
    });
    this.configurationSet = configurationSet;

    // The configuration set is the identity's default, so every message sent from it reports its events.
    this.identity = new EmailIdentity(this, 'Sender', {
      identity:
        props.senderIdentity === 'domain'
          ? Identity.domain(domainOf(props.mailFrom))
          : Identity.email(props.mailFrom),
      configurationSet,
    });
  }
}
