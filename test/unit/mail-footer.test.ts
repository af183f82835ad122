import { describe, expect, it } from 'vitest';
import { footerWojewodztwo } from '../../functions/domain/links.ts';
import { DO_NOT_REPLY, REPLIES_REACH_ROPS } from '../../functions/mail/layout.ts';
import { renderReminder } from '../../functions/mail/reminder-templates.ts';
import { type MailTemplate, renderMail } from '../../functions/mail/templates.ts';
import { ROPS_CONTACTS } from '../../shared/rops-contacts.ts';
import type { TCardAnswers } from '../../shared/schemas/card.ts';
import { validAnswers } from '../support/cards.ts';

const AT = '2031-03-17T07:00:00.000Z';
const CLOSES = '2031-04-30T21:59:59.999Z';
const rops = { name: 'ROPS', address: 'ul. X 1', email: 'a@b.example', phone: '1', hours: '8–16' };
const card = { reference: 'LK-18-0001', callTitle: 'Nabór <test>', gminaName: 'Cisna', closesAt: CLOSES };

type DataOf<T> = MailTemplate extends infer M
  ? M extends { template: infer U; data: infer D }
    ? T extends U
      ? D
      : never
    : never
  : never;

/** One message of every template: `satisfies` makes tsc name a template added without a sample here. */
const SAMPLES = {
  'card-submitted': {
    ...card,
    version: 1,
    sha256: 'ab',
    receivedAt: AT,
    powiatName: 'bieszczadzki',
    answers: validAnswers() as TCardAnswers,
    cardUrl: 'https://k.example/karta#t=x',
    receiptUrl: 'https://k.example/potwierdzenie',
  },
  'card-changed': {
    ...card,
    version: 2,
    sha256: 'ab',
    receivedAt: AT,
    powiatName: 'bieszczadzki',
    answers: validAnswers() as TCardAnswers,
    cardUrl: 'https://k.example/karta#t=x',
    receiptUrl: 'https://k.example/potwierdzenie',
  },
  'card-withdrawn': { ...card, withdrawnAt: AT },
  'card-link': { ...card, cardUrl: 'https://k.example/karta#t=x', can: 'change' },
  'draft-saved': { callTitle: 'Nabór', closesAt: CLOSES, draftUrl: 'https://k.example/d#t=x' },
  'sign-in': { signInUrl: 'https://k.example/admin/logowanie#t=x', expiresAt: CLOSES },
  'review-decision': { ...card, decision: 'not_selected', decidedAt: AT, reason: 'Za mało punktów' },
  'correction-request': {
    ...card,
    what: 'Popraw liczbę sołectw',
    until: CLOSES,
    cardUrl: 'https://k.example/k',
  },
  'call-extended': {
    callTitle: 'Nabór',
    previousClosesAt: AT,
    closesAt: CLOSES,
    reason: 'Prośby gmin',
    callUrl: 'https://k.example/nabory/n',
  },
  'call-cancelled': {
    callTitle: 'Nabór',
    cancelledAt: AT,
    reason: 'Brak środków',
    callUrl: 'https://k.example/n',
  },
  'call-invitation': {
    callTitle: 'Nabór',
    gminaName: 'Pisz',
    opensAt: AT,
    closesAt: CLOSES,
    callUrl: 'https://k.example/nabory/n?gmina=2818063',
  },
  'agreement-signing-link': {
    agreementId: 'P-1',
    gminaName: 'Cisna',
    partyName: 'Gmina Cisna',
    signatoryName: 'Jan Nowak',
    deadline: CLOSES,
    signUrl: 'https://k.example/podpis#t=x',
    why: 'turn',
  },
  'agreement-declined': {
    agreementId: 'P-1',
    gminaName: 'Cisna',
    partyName: 'Gmina Cisna',
    signatoryName: 'Jan Nowak',
    reason: 'Błąd w nazwie',
  },
  'agreement-upload-received': {
    agreementId: 'P-1',
    gminaName: 'Cisna',
    partyName: 'Gmina Cisna',
    signed: true,
  },
  'agreement-completed': {
    agreementId: 'P-1',
    gminaName: 'Cisna',
    finalSha256: 'ab',
    verifyUrl: 'https://k.example/weryfikacja',
    attachment: { key: 'agreements/x.pdf', sha256: 'ab', filename: 'porozumienie.pdf' },
  },
  'notice-signing-overdue': {
    agreementId: 'P-1',
    gminaName: 'Cisna',
    deadline: AT,
    parties: [{ name: 'Gmina Cisna', signatory: 'Jan Nowak', email: 'jan@gmina.example', turn: true }],
    panelUrl: 'https://k.example/admin/porozumienia/n/1801012',
  },
  'notice-address-suppressed': {
    email: 'stary@gmina.example',
    reason: 'bounce',
    detail: '550 no such user',
    at: AT,
    panelUrl: 'https://k.example/admin/przypomnienia?woj=18',
  },
  'trust-office-notice': {
    ...card,
    submittedAt: AT,
    channel: 'online',
    contact: { name: 'Anna', email: 'anna@gmina.example', phone: '123' },
    rops,
  },
  'trust-contact-changed': { ...card, changedAt: AT, newEmail: 'nowy@gmina.example', rops },
  'trust-card-voided': { ...card, voidedAt: AT, reason: 'Nie wysłała jej gmina', to: 'office', rops },
} satisfies { [T in MailTemplate['template']]: DataOf<T> };

const templates = Object.entries(SAMPLES).map(([template, data]) => ({ template, data }) as MailTemplate);

describe('every e-mail ends with the footer', () => {
  const rzeszow = ROPS_CONTACTS['18'];
  if (!rzeszow) throw new Error('no ROPS Rzeszów');

  it.each(templates.map((mail) => [mail.template, mail] as const))(
    '%s names the ROPS of its voivodeship and says not to reply, in both parts',
    (_name, mail) => {
      const message = renderMail(['gmina@example.com'], { ...mail, wojewodztwo: '18' });
      for (const part of [message.text, message.html]) {
        expect(part).toContain(DO_NOT_REPLY);
        for (const value of [
          'Regionalny Ośrodek Polityki Społecznej w Rzeszowie',
          'ul. Hetmańska 120, 35-078 Rzeszów',
        ])
          expect(part).toContain(value);
        expect(part).toContain(rzeszow.email);
        expect(part).toContain(rzeszow.phone);
        expect(part).toContain(rzeszow.hours);
      }
      // The footer comes after the body, once, behind a rule.
      expect(message.html.match(/<hr>/g)).toHaveLength(1);
      expect(message.html.indexOf(DO_NOT_REPLY)).toBeGreaterThan(message.html.indexOf('<hr>'));
      expect(message.html.endsWith('</body></html>')).toBe(true);
      expect(message.text.endsWith(`tel. ${rzeszow.phone}, godziny pracy: ${rzeszow.hours}.`)).toBe(true);
    },
  );

  it('names another voivodeship its own ROPS, not Rzeszów', () => {
    const message = renderMail(['gmina@example.com'], {
      ...(templates[0] as MailTemplate),
      wojewodztwo: '28',
    });
    expect(message.text).toContain('Regionalny Ośrodek Polityki Społecznej w Olsztynie');
    expect(message.text).not.toContain('Rzeszowie');
  });

  it("without a voivodeship (a lead's sign-in, a message queued before) points to the call's page", () => {
    const message = renderMail(['lead@example.com'], {
      template: 'sign-in',
      data: SAMPLES['sign-in'],
    });
    expect(message.text).toContain(DO_NOT_REPLY);
    expect(message.text).toContain('dane kontaktowe na stronie naboru');
  });

  it('a reminder too; one with a reply-to says the reply reaches the ROPS', () => {
    const base = {
      kind: 'call-closing' as const,
      title: 'Nabór',
      description: '',
      dueAt: CLOSES,
      link: 'https://k.example/',
      wojewodztwo: '20',
    };
    const plain = renderReminder(base, new Date(AT));
    expect(plain.text).toContain(DO_NOT_REPLY);
    expect(plain.html).toContain('ul. Kombatantów 7, 15-110 Białystok');
    const replied = renderReminder({ ...base, replyTo: 'koordynator@rops.example' }, new Date(AT));
    expect(replied.text).toContain(REPLIES_REACH_ROPS);
    expect(replied.text).not.toContain(DO_NOT_REPLY);
  });

  it("takes the gmina's voivodeship, else a call's only one", () => {
    expect(footerWojewodztwo({ wojewodztwa: ['18', '20'] }, '2001012')).toBe('20');
    expect(footerWojewodztwo({ wojewodztwa: ['28'] }, undefined)).toBe('28');
    expect(footerWojewodztwo({ wojewodztwa: ['18', '20'] }, 'abc')).toBeUndefined();
  });
});
