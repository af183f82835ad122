import { describe, expect, it } from 'vitest';
import { FINAL_ATTACHMENT_MAX_BYTES } from '../../functions/domain/deliver-mail.ts';
import { rawMime } from '../../functions/mail/mailer.ts';
import { renderMail } from '../../functions/mail/templates.ts';

/** SES's raw sending (API v1) takes at most 10 MB after encoding; counted as decimal megabytes, to be safe. */
const SES_RAW_MAX_BYTES = 10_000_000;

function completedMessage(attachmentBytes: number): Uint8Array {
  const message = renderMail(['wojt@gmina.example'], {
    template: 'agreement-completed',
    wojewodztwo: '26',
    data: {
      agreementId: 'PZ-7QXM-2HPA',
      gminaName: 'Łopuszno',
      finalSha256: 'a'.repeat(64),
      verifyUrl: `https://kooperacja.example/porozumienie/weryfikacja?id=PZ-7QXM-2HPA&sha256=${'a'.repeat(64)}`,
      attachment: { key: 'agreements/x/final.pdf', sha256: 'a'.repeat(64), filename: 'porozumienie.pdf' },
      downloadUrl: `https://kooperacja.example/porozumienie#t=${'A'.repeat(43)}`,
      downloadUntil: '2027-01-05T12:00:00.000Z',
    },
  });
  return rawMime('Kooperacja <powiadomienia@kooperacja.example>', {
    ...message,
    attachments: [
      {
        filename: 'porozumienie.pdf',
        contentType: 'application/pdf',
        content: new Uint8Array(attachmentBytes),
      },
    ],
  });
}

describe('the final record attached only while its message fits SES', () => {
  it('keeps the largest attached record’s raw message under 10 MB, with room to spare', () => {
    const raw = completedMessage(FINAL_ATTACHMENT_MAX_BYTES).byteLength;
    expect(raw).toBeLessThan(SES_RAW_MAX_BYTES - 300_000);
  });

  it('would pass the limit with a paper agreement’s record of 9 MB (why it is not attached)', () => {
    expect(completedMessage(9 * 1024 * 1024).byteLength).toBeGreaterThan(SES_RAW_MAX_BYTES);
  });
});
