import { randomUUID } from 'node:crypto';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';

/**
 * An in-process stand-in for an SQS standard queue with a redrive policy, for `npm start`, the reminders
 * CLI and the tests: no SQS-compatible server installs from npm alone and speaks the JSON protocol today's
 * SDK uses (see ARCHITECTURE.md, "Reminders"). It keeps what the consumer relies on: a received message is
 * invisible for the visibility timeout; one the handler reports failed (partial batch response) or that a
 * crashed invocation never settled comes back after it, with its receive count raised; after
 * `maxReceiveCount` receives it goes to the dead letters. Records are shaped as Lambda's SQS events.
 */
interface Stored {
  messageId: string;
  body: string;
  receiveCount: number;
  visibleAt: number;
  sentAt: number;
}

export class LocalQueue {
  private readonly messages = new Map<string, Stored>();
  readonly deadLetters: Stored[] = [];
  private readonly visibilityTimeoutMs: number;
  private readonly maxReceiveCount: number;
  private readonly clock: () => number;

  constructor(
    options: { visibilityTimeoutMs?: number; maxReceiveCount?: number; clock?: () => number } = {},
  ) {
    this.visibilityTimeoutMs = options.visibilityTimeoutMs ?? 60_000;
    this.maxReceiveCount = options.maxReceiveCount ?? 5;
    this.clock = options.clock ?? Date.now;
  }

  send(bodies: readonly string[]): void {
    const now = this.clock();
    for (const body of bodies) {
      const messageId = randomUUID();
      this.messages.set(messageId, { messageId, body, receiveCount: 0, visibleAt: now, sentAt: now });
    }
  }

  get size(): number {
    return this.messages.size;
  }

  /** Up to `max` visible messages, made invisible for the visibility timeout (poison ones dead-lettered). */
  receive(max: number): SQSRecord[] {
    const now = this.clock();
    const records: SQSRecord[] = [];
    for (const message of this.messages.values()) {
      if (records.length >= max) break;
      if (message.visibleAt > now) continue;
      if (message.receiveCount >= this.maxReceiveCount) {
        this.messages.delete(message.messageId);
        this.deadLetters.push(message);
        continue;
      }
      message.receiveCount += 1;
      message.visibleAt = now + this.visibilityTimeoutMs;
      records.push(toRecord(message));
    }
    return records;
  }

  delete(messageId: string): void {
    this.messages.delete(messageId);
  }

  /** When the next invisible message becomes visible again (undefined if none is waiting). */
  nextVisibleAt(): number | undefined {
    let next: number | undefined;
    for (const message of this.messages.values())
      if (next === undefined || message.visibleAt < next) next = message.visibleAt;
    return next;
  }

  /**
   * Hands batches to the handler until the queue is empty, as Lambda's event source does: the records the
   * handler reports failed stay (and come back after the visibility timeout), the rest are deleted; a
   * handler that throws fails the whole batch. Waits for invisible messages up to `maxWaitMs` in all.
   */
  async drain(
    handler: (event: SQSEvent) => Promise<SQSBatchResponse | undefined>,
    options: { batchSize?: number; maxWaitMs?: number } = {},
  ): Promise<{ batches: number; failures: number }> {
    const batchSize = options.batchSize ?? 10;
    let waited = 0;
    let batches = 0;
    let failures = 0;
    while (this.messages.size > 0) {
      const records = this.receive(batchSize);
      if (records.length === 0) {
        const next = this.nextVisibleAt();
        if (next === undefined) break;
        const wait = Math.max(next - this.clock(), 1);
        if (waited + wait > (options.maxWaitMs ?? 0)) break;
        waited += wait;
        await new Promise((resolve) => setTimeout(resolve, wait));
        continue;
      }
      batches += 1;
      let failed: Set<string>;
      try {
        const response = await handler({ Records: records });
        failed = new Set((response?.batchItemFailures ?? []).map((failure) => failure.itemIdentifier));
      } catch {
        failed = new Set(records.map((record) => record.messageId));
      }
      failures += failed.size;
      for (const record of records) if (!failed.has(record.messageId)) this.delete(record.messageId);
    }
    return { batches, failures };
  }
}

function toRecord(message: Stored): SQSRecord {
  return {
    messageId: message.messageId,
    receiptHandle: `${message.messageId}#${message.receiveCount}`,
    body: message.body,
    attributes: {
      ApproximateReceiveCount: String(message.receiveCount),
      SentTimestamp: String(message.sentAt),
      SenderId: 'local',
      ApproximateFirstReceiveTimestamp: String(message.sentAt),
    },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:local:000000000000:reminders',
    awsRegion: 'local',
  };
}
