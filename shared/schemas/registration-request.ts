import * as z from 'zod/mini';
import { isWarsawWallClock } from '../time.ts';
import { keyed } from '../validation.ts';
import { ZCardAnswers } from './card.ts';
import { REGISTERED_CHANNELS, SCAN_MAX_PARTS, ZUploadId } from './registration.ts';

/**
 * Registering a card that came by post or e-mail (the contracts around it in registration.ts, which the
 * panel's other functions load without the card's schema).
 */

const isDate = (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text) && isWarsawWallClock(text);
const isDateTime = (text: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(text) && isWarsawWallClock(text);

export const ZRegisterCardRequest = z
  .strictObject({
    answers: ZCardAnswers,
    channel: z.enum(REGISTERED_CHANNELS, keyed('required')),
    /**
     * Warsaw time: the postmark's date ("2026-12-31") for post, the e-mail's sending time
     * ("2026-12-31T23:40") for e-mail.
     */
    receivedOn: z.string(keyed('required')).check(z.minLength(1, 'required'), z.maxLength(16, 'invalid')),
    scan: z.strictObject(
      {
        uploadId: ZUploadId,
        parts: z.int().check(z.minimum(1), z.maximum(SCAN_MAX_PARTS)),
      },
      keyed('scan_required'),
    ),
  })
  .check(
    z.refine((request) => request.channel !== 'post' || isDate(request.receivedOn), {
      message: 'date',
      path: ['receivedOn'],
      when: (payload) => payload.issues.length === 0,
    }),
    z.refine((request) => request.channel !== 'email' || isDateTime(request.receivedOn), {
      message: 'date_time',
      path: ['receivedOn'],
      when: (payload) => payload.issues.length === 0,
    }),
  );
export type TRegisterCardRequest = z.infer<typeof ZRegisterCardRequest>;
