import { describe, expect, it } from 'vitest';
import { asciiPdfName } from '../../functions/domain/deliverables.ts';
import { renderReminder } from '../../functions/mail/reminder-templates.ts';

describe('a reminder of a deadline that asks for a document', () => {
  const base = {
    kind: 'custom' as const,
    title: 'Sprawozdanie z KM I',
    description: '',
    dueAt: '2031-03-31T10:00:00.000Z',
    link: 'https://kooperacja.example/',
  };

  it('carries the recipient’s own upload link and says what to upload, in text and HTML', () => {
    const url = 'https://kooperacja.example/porozumienie/dokument#t=abc';
    const mail = renderReminder(
      { ...base, upload: { url, documentName: 'Sprawozdanie „KM I”' } },
      new Date('2031-03-17T07:00:00.000Z'),
    );
    expect(mail.text).toContain('Prześlij dokument „Sprawozdanie «KM I»” (PDF, do 10 MB)');
    expect(mail.text).toContain(`Prześlij dokument: ${url}`);
    expect(mail.html).toContain(`<a href="${url}">Prześlij dokument</a>`);
  });

  it('says nothing of uploading when the deadline asks for nothing', () => {
    const mail = renderReminder(base, new Date('2031-03-17T07:00:00.000Z'));
    expect(mail.text).not.toContain('Prześlij');
  });
});

describe('the name a delivered file is downloaded under', () => {
  it('is ASCII, without Polish letters or spaces, and ends in .pdf', () => {
    expect(asciiPdfName('Sprawozdanie – Łódź, KM I (poprawione).PDF')).toBe(
      'Sprawozdanie-Lodz-KM-I-poprawione.pdf',
    );
    expect(asciiPdfName('żółć')).toBe('zolc.pdf');
    expect(asciiPdfName('%%%')).toBe('dokument.pdf');
  });
});
