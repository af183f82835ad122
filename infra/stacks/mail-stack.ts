import { CfnOutput, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
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
  /**
   * An SES identity is one per account and region: a second stage sending from the same address or domain
   * uses the identity the first one verified (its messages name their configuration set themselves).
   */
  senderIdentityExists: boolean;
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

    const identityName = props.senderIdentity === 'domain' ? domainOf(props.mailFrom) : props.mailFrom;
    if (props.senderIdentityExists) {
      this.identity = EmailIdentity.fromEmailIdentityName(this, 'Sender', identityName);
      return;
    }
    // No default configuration set: the identity outlives this stack (below) and SES refuses to send from an
    // identity whose default set was deleted. Every message names this stage's set itself (the functions'
    // MAIL_CONFIGURATION_SET), so each stage sharing the identity hears of its own messages' events.
    const identity = new EmailIdentity(this, 'Sender', {
      identity:
        props.senderIdentity === 'domain' ? Identity.domain(identityName) : Identity.email(identityName),
    });
    // Kept when the stack goes: other stages of the account may send through it (tearing down a test stage
    // must not stop production's mail), and a verified domain's DKIM records stay valid for the next one.
    identity.applyRemovalPolicy(RemovalPolicy.RETAIN);
    this.identity = identity;
    if (props.senderIdentity === 'domain') {
      // SES verifies the domain once these three CNAMEs are in its DNS; until then every message is refused.
      identity.dkimRecords.forEach((record, index) => {
        new CfnOutput(this, `DkimRecord${index + 1}`, {
          description: "A CNAME record to add to the sender domain's DNS (name, then value)",
          value: `${record.name} CNAME ${record.value}`,
        });
      });
    }
  }
}
