import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { recordMailEvent } from '../domain/mail-events.ts';
import { storeAndSiteDeps } from '../wiring.ts';

const deps = storeAndSiteDeps();
const processor = new BatchProcessor(EventType.SQS);

/**
 * SES's bounce, complaint and delivery events (mail stack: SES → SNS → SQS); a failed one is retried alone.
 * The site's address is for the link in the coordinators' notice of a suppressed address.
 */
export const handler = (event: SQSEvent, context: Context) =>
  processPartialResponse(event, (record: SQSRecord) => recordMailEvent(deps, record.body), processor, {
    context,
    throwOnFullBatchFailure: false,
  });
