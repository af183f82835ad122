import { describe, expect, it } from 'vitest';
import { defangLinks } from '../../functions/mail/defang.ts';

describe('web addresses in text a stranger typed', () => {
  it('are written so that no mail client links them', () => {
    expect(defangLinks('Zobacz https://zly.example/logowanie?x=1 teraz')).toBe(
      'Zobacz https[://]zly[.]example/logowanie?x=1 teraz',
    );
    expect(defangLinks('www.gmina-falszywa.pl')).toBe('www[.]gmina-falszywa[.]pl');
    expect(defangLinks('wejdź na bank.com.pl/przelew')).toBe('wejdź na bank[.]com[.]pl/przelew');
    expect(defangLinks('Łódź.pl')).toBe('Łódź[.]pl');
  });

  it('leaves e-mail addresses, numbers, dates and ordinary sentences as typed', () => {
    const plain =
      'Kontakt: anna.nowak@gmina.example, tel. 85 744 72 72. Dochód 4.321,55 zł w 2017 r.; zob. ust. 2. Koniec.';
    expect(defangLinks(plain)).toBe(plain);
    expect(defangLinks('ul. Jana Pawła II 6, 26-070 Łopuszno')).toBe('ul. Jana Pawła II 6, 26-070 Łopuszno');
  });
});
