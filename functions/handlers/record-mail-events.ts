import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { recordMailEvent } from '../domain/mail-events.ts';
import { storeDeps } from '../wiring.ts';

const deps = storeDeps();
const processor = new BatchProcessor(EventType.SQS);

/** SES's bounce, complaint and delivery events (mail stack: SES → SNS → SQS); a failed one is retried alone. */
export const handler = (event: SQSEvent, context: Context) =>
  processPartialResponse(event, (record: SQSRecord) => recordMailEvent(deps, record.body), processor, {
    context,
    throwOnFullBatchFailure: false,
  });
