import type { TAdminUser } from '../../shared/schemas/admin.ts';
import { AppError } from '../lib/errors.ts';
import type { RawMailer } from '../mail/raw-mailer.ts';
import { getDeadline } from '../repositories/deadlines.ts';
import type { Db } from '../repositories/dynamo.ts';
import { maySee } from './access.ts';
import { reminderMail } from './send-reminder.ts';

/**
 * The reminder of a deadline, as it would go out now, sent to the signed-in user only ("[TEST]" in its
 * subject, no unsubscribe, nothing recorded). A deadline of voivodeships the user does not see is NOT_FOUND,
 * as one that does not exist.
 */
export async function sendTestReminder(
  deps: { db: Db; mailer: RawMailer; now: () => Date; siteUrl: string },
  user: TAdminUser,
  deadlineId: string,
): Promise<{ sentTo: string; subject: string }> {
  const deadline = /^[a-z0-9-]{3,200}$/.test(deadlineId) ? await getDeadline(deps.db, deadlineId) : undefined;
  if (!deadline?.wojewodztwa.some((code) => maySee(user, code)) || deadline.cancelledAt)
    throw new AppError('NOT_FOUND');
  const mail = reminderMail(deadline, deps.siteUrl, deps.now());
  const subject = `[TEST] ${mail.subject}`;
  await deps.mailer.send({ ...mail, subject, to: [user.email] });
  return { sentTo: user.email, subject };
}
