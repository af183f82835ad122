import { describe, expect, it } from 'vitest';
import { agreementPdf } from '../../functions/documents/agreement-render.ts';
import { ZEditAgreementTextRequest } from '../../shared/schemas/agreements.ts';

/**
 * The signing page reads the document to sign as base64 in JSON (GET /api/signing/current/pdf: the link's
 * token goes in a header, so a plain link and a 303 to the bucket cannot carry it). That holds while the
 * document stays under what the coordinators' download sends from the API itself (4 MiB; Lambda answers at
 * most 6 MB, base64 counted): the longest text the contract takes, one letter a line, the largest PDF of
 * the layouts tried (1.8 MB; prose of that length is 86 KB, paragraphs 1.1 MB, headings 0.8 MB).
 */
const STREAMED_MAX_BYTES = 4 * 1024 * 1024;
const meta = {
  agreementId: 'PZ-ABCD-EFGH',
  textVersion: 1,
  createdAt: '2026-12-01T00:00:00.000Z',
  title: 'Porozumienie',
};

describe('the document to sign', () => {
  it('stays under 4 MiB at the longest text the contract takes, one letter a line', async () => {
    const longest = ZEditAgreementTextRequest.parse({ text: 'ą\n'.repeat(30_000).trim(), revision: 1 });
    expect(longest.text.length).toBeGreaterThan(59_990);
    expect(() => ZEditAgreementTextRequest.parse({ text: `${longest.text}\nąą`, revision: 1 })).toThrow();
    const pdf = await agreementPdf(longest.text, meta);
    expect(pdf.byteLength).toBeLessThan(STREAMED_MAX_BYTES);
  });
});
