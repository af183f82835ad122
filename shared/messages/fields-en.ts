/**
 * Messages for a single field in English, keyed by the short codes that shared schemas use as zod messages
 * (a module per language: the form downloads only the one it shows).
 */
export const FIELD_MESSAGES_EN: Record<string, string> = {
  required: 'This field is required.',
  unknown_field: 'This field is not part of the form.',
  invalid: 'The value is not valid.',
  unexpected_body: 'This address takes no request body.',
  too_long: 'The text is too long.',
  too_short: 'The text is too short.',
  control_characters: 'The text contains control characters (such as a line break in a one-line field).',
  email: 'Enter an e-mail address like name@domain.pl.',
  phone: 'Enter a phone number: 9–15 digits, e.g. 85 744 72 72 or +48 600 100 200.',
  nip: 'The NIP is not valid: check that it has 10 digits and no typing error.',
  regon: 'The REGON is not valid: check that it has 9 or 14 digits and no typing error.',
  teryt: 'Choose the gmina from the list.',
  postal_code: 'Enter the postal code as 00-000.',
  powiat: 'Choose the powiat from the list.',
  out_of_range: 'The number is outside the allowed range.',
  future_year: 'The year cannot be later than the current one.',
  not_integer: 'Enter a whole number.',
  grosze: 'Give the amount to the grosz (at most two digits after the decimal point).',
  exceeds_population: 'The number cannot be larger than the population.',
  exceeds_assistance_persons: 'The number cannot be larger than the number of persons on social assistance.',
  families_exceed_persons: 'There cannot be more families than persons on social assistance.',
  exceeds_assistance_families:
    'The number cannot be larger than the number of families on social assistance.',
  duplicate: 'This item is ticked more than once.',
  must_accept: 'This declaration is required to send the card.',
  unknown_gmina: 'There is no such gmina in the TERYT register.',
  wrong_wojewodztwo: 'This gmina lies outside the voivodeship of this call.',
  wrong_kind: 'This call is not meant for gminas of this kind.',
  cannot_change_gmina: 'The gmina of a sent card cannot be changed.',
  closes_before_opening: 'The call must close after it opens.',
  malformed_text: 'The text contains broken characters. Type it again instead of pasting it.',
};
