import { describe, expect, it } from 'vitest';
import { reminderMail } from '../../functions/domain/send-reminder.ts';
import { buildRawMessage, encodeHeaderText } from '../../functions/mail/mime.ts';
import { renderReminder, whenDue } from '../../functions/mail/reminder-templates.ts';

describe('the reminder e-mail', () => {
  it('says when the deadline is, the Polish way, counted in Warsaw days', () => {
    const now = new Date('2031-03-17T07:00:00.000Z');
    expect(whenDue(new Date('2031-03-31T21:59:59.999Z'), now)).toBe('za 14 dni');
    expect(whenDue(new Date('2031-03-18T10:00:00.000Z'), now)).toBe('jutro');
    // 23:30 UTC on the 17th is already the 18th in Warsaw.
    expect(whenDue(new Date('2031-03-17T23:30:00.000Z'), now)).toBe('jutro');
    expect(whenDue(new Date('2031-03-17T20:00:00.000Z'), now)).toBe('dziś');
    const mail = renderReminder(
      {
        kind: 'milestone-end',
        title: 'KM I „Opracowanie modelu” (Liderzy kooperacji)',
        description: '',
        dueAt: '2031-03-31T21:59:59.999Z',
        link: 'https://kooperacja.example/',
      },
      now,
    );
    expect(mail.subject).toBe(
      'Przypomnienie: KM I „Opracowanie modelu” (Liderzy kooperacji) — za 14 dni, 31 marca 2031',
    );
    expect(mail.text).toContain('kończy się za 14 dni: 31 marca 2031.');
    expect(mail.html).toContain('Opracowanie modelu');
  });

  it('links a coordinator to the panel’s reminders, a gmina to the call, and names the project in the footer', () => {
    const now = new Date('2031-03-10T07:00:00.000Z');
    const deadline = {
      id: 'km-test-3-end',
      kind: 'milestone-end' as const,
      title: 'KM III (Liderzy kooperacji)',
      description: '',
      dueAt: '2031-04-01T21:59:59.999Z',
      callId: 'liderzy-kooperacji-20',
      wojewodztwa: ['20'],
      audience: ['coordinators' as const, 'gminas' as const],
      policy: { offsetsDays: [14], hour: 8, avoidDaysOff: true },
      optional: false,
      createdAt: now.toISOString(),
    };
    const site = 'https://kooperacja.example';

    const coordinator = reminderMail(deadline, site, now, { role: 'coordinator', wojewodztwo: '20' });
    const gmina = reminderMail(deadline, site, now, { role: 'gmina', wojewodztwo: '20' });
    const closing = reminderMail({ ...deadline, id: 'nabor-20', kind: 'call-closing' }, site, now, {
      role: 'draft',
      wojewodztwo: '20',
    });

    expect(coordinator.text).toContain(`Szczegóły: ${site}/admin/przypomnienia?woj=20`);
    expect(gmina.text).toContain(`Szczegóły: ${site}/nabory/liderzy-kooperacji-20`);
    expect(gmina.text).toContain('Kontakt w sprawie projektu: ');
    expect(gmina.text).not.toContain('w sprawie naboru');
    expect(closing.text).toContain('Kontakt w sprawie naboru: ');
  });

  it('puts a milestone in the calendar as the whole day, a coordinator’s deadline at its time', () => {
    const now = new Date('2031-03-10T07:00:00.000Z');
    const deadline = {
      id: 'km-test-2-start',
      kind: 'milestone-start' as const,
      title: 'KM II „Wdrożenie modelu” (Liderzy kooperacji)',
      description: '',
      // A start "on 1 April" is planned as that day's last instant, as the planner writes it.
      dueAt: '2031-04-01T21:59:59.999Z',
      wojewodztwa: ['20'],
      audience: ['coordinators' as const],
      policy: { offsetsDays: [14], hour: 8, avoidDaysOff: true },
      optional: false,
      createdAt: now.toISOString(),
    };
    const calendar = (mail: ReturnType<typeof reminderMail>) => mail.attachments[0]?.content ?? '';
    const milestone = calendar(reminderMail(deadline, 'https://kooperacja.example', now));
    expect(milestone).toContain('DTSTART;VALUE=DATE:20310401');
    expect(milestone).toContain('DTEND;VALUE=DATE:20310402');
    const own = calendar(
      reminderMail(
        { ...deadline, id: 'custom-1', kind: 'custom', dueAt: '2031-04-01T10:00:00.000Z' },
        'https://kooperacja.example',
        now,
      ),
    );
    expect(own).toContain('DTSTART:20310401T093000Z');
    expect(own).toContain('DTEND:20310401T100000Z');
  });

  it('escapes what a coordinator typed in the HTML part', () => {
    const mail = renderReminder(
      {
        kind: 'custom',
        title: '<b>x</b>',
        description: '<script>',
        dueAt: '2031-03-31T10:00:00.000Z',
        link: 'https://k.example/',
      },
      new Date('2031-03-20T07:00:00.000Z'),
    );
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;');
  });

  it('is a MIME message with both parts, the calendar file and the one-click unsubscribe headers', () => {
    const raw = buildRawMessage({
      from: 'Kooperacja <powiadomienia@example.com>',
      to: ['wojt@gmina.example'],
      replyTo: 'koordynator.20@kooperacja.example',
      subject: 'Przypomnienie: nabór „Liderzy kooperacji” zamyka się jutro',
      text: 'Zażółć gęślą jaźń',
      html: '<p>Zażółć gęślą jaźń</p>',
      headers: {
        'List-Unsubscribe': '<https://k.example/api/reminders/unsubscribe?t=abc>',
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
      attachments: [
        { filename: 'termin.ics', contentType: 'text/calendar; charset=UTF-8', content: 'BEGIN:VCALENDAR' },
      ],
    });
    expect(raw).toContain('\r\nList-Unsubscribe: <https://k.example/api/reminders/unsubscribe?t=abc>\r\n');
    expect(raw).toContain('\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n');
    expect(raw).toContain('\r\nReply-To: koordynator.20@kooperacja.example\r\n');
    expect(raw).toMatch(/Content-Type: multipart\/mixed; boundary="=_[0-9a-f]+"/);
    expect(raw).toContain('Content-Disposition: attachment; filename="termin.ics"');
    expect(raw).toContain(Buffer.from('Zażółć gęślą jaźń').toString('base64'));
    const subject = /Subject: (.*(?:\r\n .*)*)/.exec(raw)?.[1] ?? '';
    const decoded = subject
      .split('\r\n ')
      .map((word) => Buffer.from(/=\?UTF-8\?B\?(.*)\?=/.exec(word)?.[1] ?? '', 'base64').toString('utf8'))
      .join('');
    expect(decoded).toBe('Przypomnienie: nabór „Liderzy kooperacji” zamyka się jutro');
    expect(encodeHeaderText('plain ASCII')).toBe('plain ASCII');
  });

  it('refuses a header value that would start another header', () => {
    expect(() =>
      buildRawMessage({
        from: 'a@b.example',
        to: ['x@y.example\r\nBcc: z@z.example'],
        subject: 's',
        text: 't',
        html: 'h',
      }),
    ).toThrow(/line break/);
  });
});
