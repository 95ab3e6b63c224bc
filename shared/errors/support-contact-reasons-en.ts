// Why the desk's support contact (Settings → Support contact) was refused, in English. The renderer
// says them in the user's language (reasons-zh-cn-support.ts); the form shows each under its field.
export const supportContactReasonsEnglish = {
  'support-name-too-long': 'The contact name is too long: use at most {max} characters.',
  'support-hours-too-long': 'The hours are too long: use at most {max} characters, e.g. "Mon–Fri 09:00–18:00".',
  'support-text-bad-character': 'Remove the line break or control character at position {position}.',
  'support-phone-bad-character': 'The phone number may hold only digits, spaces, "-", brackets and a leading "+" (then an extension, e.g. "ext 8001"); remove "{character}".',
  'support-phone-digit-count': 'The phone number has {count} digits; a number that can be dialled has 5 to 20, e.g. 400-820-8820, 95588 or 0591-87654321.',
  'support-phone-too-long': 'The phone number is too long: use at most {max} characters.',
  // The example is a parameter: vue-i18n reads an "@" in a message as a link to another message.
  'support-email-bad': 'The email address "{email}" is not complete: write it like {example}.',
  'support-email-too-long': 'The email address is too long: use at most {max} characters.',
  'support-contact-unreachable': 'Give a phone number or an email address: without one, nobody can reach this contact.',
  'field-supportName': 'The support contact’s name',
  'field-supportPhone': 'The support phone number',
  'field-supportEmail': 'The support email address',
  'field-supportHours': 'The support hours',
} as const;

/** A support-contact reason code. */
export type SupportContactReasonCode = keyof typeof supportContactReasonsEnglish;
