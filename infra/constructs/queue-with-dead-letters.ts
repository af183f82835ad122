import { Duration } from 'aws-cdk-lib';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface QueueWithDeadLettersProps {
  /** At least the consumer's timeout, so a message is not handed out twice while still being worked on. */
  visibilityTimeout?: Duration;
}

/** A work queue whose poison messages land, after a few tries, in a dead-letter queue that is alarmed. */
export class QueueWithDeadLetters extends Construct {
  /** Tries before a message is given up on. */
  static readonly MAX_RECEIVE_COUNT = 5;

  readonly queue: Queue;
  readonly deadLetterQueue: Queue;

  constructor(scope: Construct, id: string, props: QueueWithDeadLettersProps = {}) {
    super(scope, id);
    this.deadLetterQueue = new Queue(this, 'DeadLetters', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // The longest SQS allows: time to find out why a message failed and to redrive it.
      retentionPeriod: Duration.days(14),
    });
    this.queue = new Queue(this, 'Queue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: props.visibilityTimeout ?? Duration.seconds(60),
      deadLetterQueue: {
        queue: this.deadLetterQueue,
        maxReceiveCount: QueueWithDeadLetters.MAX_RECEIVE_COUNT,
      },
    });
  }
}
