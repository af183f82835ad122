import { sha256Hex } from '../lib/crypto.ts';
import { AppError } from '../lib/errors.ts';
import { logger } from '../lib/logger.ts';
import type { Db } from '../repositories/dynamo.ts';
import { putOptOut, sendOfUnsubscribeToken } from '../repositories/reminder-sends.ts';

const TOKEN = /^([a-z0-9-]{3,200})\.(\d{1,3})\.([0-9a-f]{64})\.([A-Za-z0-9_-]{43})$/;

/**
 * One-click unsubscribe (RFC 8058) from optional reminders: the token names the send it came with and holds
 * a secret only that e-mail had (its SHA-256 is on the send). The address is opted out; asking again
 * changes nothing. A token that names no such send is LINK_INVALID.
 */
export async function unsubscribe(deps: { db: Db; now: () => Date }, token: string): Promise<void> {
  const match = TOKEN.exec(token);
  if (!match) throw new AppError('LINK_INVALID');
  const [, deadlineId = '', offset = '0', recipientSha256 = '', secret = ''] = match;
  const send = await sendOfUnsubscribeToken(
    deps.db,
    { deadlineId, offsetDays: Number(offset), recipientSha256 },
    sha256Hex(secret),
  );
  if (!send) throw new AppError('LINK_INVALID');
  await putOptOut(deps.db, send.email, deps.now());
  logger.info('address opted out of optional reminders', { deadlineId });
}
