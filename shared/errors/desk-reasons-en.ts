// Why a desk form field was refused (or warned about), in English, by code: the validators of
// shared/desk/validators/ return these, shown under the field they belong to, so a sentence never
// names its field. The renderer says them in the user's language
// (renderer/src/i18n/messages/reasons-zh-cn-desk.ts); the CLI's import report in these words.
export const deskReasonsEnglish = {
  'desk-field-required': 'Fill this in.',
  'desk-field-wrong-type': 'Enter this as text.',
  'desk-field-too-long': 'Too long: use at most {max} characters.',
  'desk-field-bad-character': 'Character {position} is a line break, tab or other control character; remove it.',
  'desk-field-unknown': 'The field {field} is not part of this form; remove it.',
  'desk-field-invalid': 'This value cannot be used; enter it again.',
  'desk-record-ref-bad': 'This is not a reference to a record ({value}); choose the record again from the list.',
  'desk-date-bad': 'Enter a real calendar date as YYYY-MM-DD, e.g. 2026-12-01 ({value} is not one).',
  'desk-date-in-future': 'The date {date} is after today ({today}); enter the day it actually happened.',
  'account-status-unknown': 'Choose the account status: normal, frozen or in arrears ({value} is none of these).',

  'uscc-bad-length': 'A unified social credit code has 18 characters; this one has {length}. Copy it again from the business licence.',
  'uscc-bad-character': 'Character {position} ({character}) cannot occur in a unified social credit code: it uses digits and capital letters except I, O, Z, S and V.',
  'uscc-bad-authority': 'The first character ({code}) is not a registration authority of GB 32100 (1 to 9, A, N or Y). Check the code on the business licence.',
  'uscc-bad-category': 'The second character ({code}) is not an organisation category of registration authority {authority}. Check the code on the business licence.',
  'uscc-bad-division': 'Characters 3 to 8 ({code}) must be the six-digit administrative division code of the registering authority.',
  'uscc-bad-check': 'The check character (the 18th, {actual}) does not match the other 17: one character was probably mistyped. Compare the code with the business licence.',
  'uscc-org-code-check-failed': 'The organisation code inside it (characters 9 to 17, {orgCode}) fails its GB 11714 check. Some early codes do: if the code matches the business licence, keep it.',

  'resident-id-old-15-digit': 'This is an old 15-digit ID number. Enter the 18-digit number on the current resident ID card.',
  'resident-id-bad-length': 'An ID number has 18 characters; this one has {length}.',
  'resident-id-bad-character': 'An ID number is 17 digits and then a digit or X; character {position} ({character}) is neither.',
  'resident-id-bad-region': 'An ID number cannot begin with {code}: it begins with a province code, 810000, 820000 or 830000 on a residence permit of a Hong Kong, Macao or Taiwan resident, or 9 on a foreigner’s permanent residence ID card.',
  'resident-id-bad-birth-date': 'Digits 7 to 14 ({date}) should be the holder’s birth date as year, month and day, and they are not a real date.',
  'resident-id-born-in-future': 'The birth date in the number ({date}) is after today; check the digits against the ID card.',
  'resident-id-bad-check': 'The last character ({actual}) does not match the other 17 digits: one digit was probably mistyped. Compare the number with the ID card.',

  'cnaps-bad-character': 'A CNAPS bank code has digits only; character {position} ({character}) is not a digit.',
  'cnaps-bad-length': 'A CNAPS bank code has 12 digits; this one has {length}. It is on the account opening permit, or ask the bank.',
  'account-no-bad-character': 'A bank account number has digits only (spaces are fine); character {position} ({character}) is not a digit.',
  'account-no-bad-length': 'A bank account number has {min} to {max} digits; this one has {length}.',
  'swift-bad-length': 'A SWIFT/BIC code has 8 or 11 characters; this one has {length}.',
  'swift-bad-format': 'A SWIFT/BIC code is 4 letters for the bank, 2 letters for the country, 2 letters or digits for the location and optionally 3 letters or digits for the branch, e.g. BKCHCNBJ or BKCHCNBJ300.',
  'swift-unknown-country': 'Characters 5 and 6 ({country}) are not an ISO 3166 country code.',

  'phone-bad-format': 'Enter an 11-digit mobile number (e.g. 13800138000) or a landline with its area code (e.g. 0591-87654321, an extension after “-”, “转” or “ext”).',
  'phone-bad-mobile': 'A mainland mobile number has 11 digits beginning with 13 to 19; {number} is not one.',
  'phone-bad-area-code': 'The area code {code} does not exist: it is 010, 020 to 029, or 0 and three digits beginning 3 to 9 (e.g. 0591).',
  'phone-bad-local-number': 'The local number {number} should have 7 or 8 digits and not begin with 0 or 1.',

  'short-name-too-long': 'The short name takes {bytes} bytes in UTF-8, but a receipt holds at most {limit} (about {characters} Chinese characters). Shorten it.',
  'short-name-bad-character': 'Character {position} cannot be printed on a receipt (a line break, tab or other control character); remove it.',
  'short-name-byte-count': '{bytes} of {limit} bytes (about {characters} Chinese characters fit)',

  'area-bad-format': 'An area is a six-digit administrative division code, e.g. 350100 for Fuzhou ({value} is not one).',
  'area-unknown-province': 'The first two digits ({code}) are not a province-level code of GB/T 2260.',

  'tid-bad-format': 'A TID (A001) is exactly 8 letters or digits; {value} is not.',
  'mid-bad-format': 'A MID (A002) is exactly 15 letters or digits; {value} is not.',
  'serial-bad-format': 'A serial number is 1 to 32 letters, digits, “-” or “_”, as printed on the terminal’s label.',
  'acquirer-code-bad-format': 'The acquirer code {value} is not one: it is 2 to 63 lower-case letters, digits or dashes, e.g. acquirer-b. Choose the bank from the list.',
} as const;

/** One desk field reason code. */
export type DeskReasonCode = keyof typeof deskReasonsEnglish;
