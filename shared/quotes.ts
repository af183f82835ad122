/*
 * Apart from shared/text.ts: the panel and the e-mails use this, the card form does not; in one module the
 * form's bundle would split it into a chunk of its own (one more request on a slow link).
 */
/**
 * A title to be put in Polish quotation marks „…”: quotation marks inside it become «…», as Polish typography
 * nests them („Nabór do projektu «Liderzy kooperacji»”, not „Nabór do projektu „Liderzy kooperacji””).
 */
export function nestedInQuotes(title: string): string {
  return title.replaceAll('„', '«').replaceAll('”', '»');
}
