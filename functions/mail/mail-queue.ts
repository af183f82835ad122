/**
 * The mail queue carries two kinds of message to the one sender (send-reminders): a reminder
 * (reminder-queue.ts) and an outbox message, which is only the outbox item's key. The table's stream is
 * KEYS_ONLY, so no e-mail body (nor the link token it may carry) ever travels through the stream, the pipe
 * or the queue; the sender claims the item and reads it then.
 */
export interface OutboxQueueMessage {
  outbox: { pk: string; sk: string };
}

/** The body the EventBridge Pipe's input template writes (infra/stacks/scheduling-stack.ts), and locally the poller. */
export function outboxQueueBody(key: { pk: string; sk: string }): string {
  return JSON.stringify({ outbox: { pk: key.pk, sk: key.sk } } satisfies OutboxQueueMessage);
}

/** The outbox key of a queued body, or undefined when it is not an outbox message. */
export function outboxKeyOf(body: unknown): { pk: string; sk: string } | undefined {
  const outbox = (body as Partial<OutboxQueueMessage> | null)?.outbox;
  return typeof outbox?.pk === 'string' && typeof outbox.sk === 'string' && outbox.sk.startsWith('MAIL#')
    ? { pk: outbox.pk, sk: outbox.sk }
    : undefined;
}
