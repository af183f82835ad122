import { describe, expect, it } from 'vitest';
import { renderNoticeMail } from '../../functions/mail/notice-templates.ts';
import { renderReminder } from '../../functions/mail/reminder-templates.ts';

describe("an agreement's signing reminder", () => {
  it('names the e-mail with the personal link and asks for a reply, with no link of its own', () => {
    const mail = renderReminder(
      {
        kind: 'agreement-signing',
        title: 'Podpisanie porozumienia PZ-7QXM-2HPA (Łopuszno)',
        description: '',
        dueAt: '2031-05-20T10:00:00.000Z',
        link: 'https://kooperacja.example/',
        linkSentAt: '2031-05-06T08:15:00.000Z',
        replyTo: 'koordynator@rops.example',
      },
      new Date('2031-05-13T06:00:00.000Z'),
    );
    expect(mail.subject).toBe(
      'Przypomnienie: Podpisanie porozumienia PZ-7QXM-2HPA (Łopuszno) — za 7 dni, 20 maja 2031',
    );
    expect(mail.text).toContain('termin podpisania mija za 7 dni, 20 maja 2031 12:00');
    expect(mail.text).toContain('„Porozumienie do podpisu” wysłanej 6 maja 2031 10:15');
    expect(mail.text).toContain('odpowiedz na to przypomnienie');
    expect(mail.text).not.toContain('Szczegóły');
    expect(mail.html).not.toContain('<a href');
  });

  it("links an optional reminder's unsubscribe page, and still names the mail client's option", () => {
    const mail = renderReminder(
      {
        kind: 'call-closing',
        title: 'Liderzy kooperacji',
        description: '',
        dueAt: '2031-05-20T21:59:00.000Z',
        link: 'https://k.example/nabory/x',
        unsubscribeUrl: 'https://k.example/api/reminders/unsubscribe?t=abc',
        unsubscribePageUrl: 'https://k.example/przypomnienia/rezygnacja#t=abc',
      },
      new Date('2031-05-13T06:00:00.000Z'),
    );
    expect(mail.text).toContain('Zrezygnuj: https://k.example/przypomnienia/rezygnacja#t=abc');
    expect(mail.text).toContain('Anuluj subskrypcję');
    expect(mail.html).toContain('<a href="https://k.example/przypomnienia/rezygnacja#t=abc">');
  });
});

describe("the coordinators' notices", () => {
  it('lists the signatures missing when the signing deadline passed', () => {
    const mail = renderNoticeMail(['k@rops.example'], {
      template: 'notice-signing-overdue',
      data: {
        agreementId: 'PZ-7QXM-2HPA',
        gminaName: 'Łopuszno',
        deadline: '2031-05-20T10:00:00.000Z',
        parties: [
          { name: 'Gmina Łopuszno', signatory: 'Łucja Żak', email: 'wojt@gmina.example', turn: true },
          { name: 'Województwo Świętokrzyskie', signatory: 'Renata Janik', turn: false },
        ],
        panelUrl: 'https://k.example/admin/porozumienia/x/2604083',
      },
    });
    expect(mail.subject).toBe('Porozumienie niepodpisane w terminie — Łopuszno');
    expect(mail.text).toContain('minął 20 maja 2031 12:00');
    expect(mail.text).toContain(
      '• Gmina Łopuszno: Łucja Żak (wojt@gmina.example) — odnośnik wysłany, podpisu brak',
    );
    expect(mail.text).toContain('• Województwo Świętokrzyskie: Renata Janik — nie doszło do jej kolejki');
    expect(mail.html).toContain('<a href="https://k.example/admin/porozumienia/x/2604083">');
  });

  it("defangs a bounce's diagnostic and escapes it in HTML", () => {
    const mail = renderNoticeMail(['k@rops.example'], {
      template: 'notice-address-suppressed',
      data: {
        email: 'x@gmina.example',
        reason: 'bounce',
        detail: 'General 550 <b>see</b> https://evil.example/x',
        at: '2031-05-20T10:00:00.000Z',
        role: 'gmina',
        panelUrl: 'https://k.example/admin/przypomnienia?woj=26',
      },
    });
    expect(mail.text).toContain('https[://]evil[.]example/x');
    expect(mail.html).not.toContain('<b>see</b>');
    expect(mail.html).not.toContain('https://evil.example');
    expect(mail.text).toContain('(osoba do kontaktu gminy)');
  });
});
