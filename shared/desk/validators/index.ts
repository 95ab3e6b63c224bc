// The desk's field validators: pure checks that return the stored form of a value and reason codes
// (errors block, warnings do not). The merchant and terminal forms (shared/desk/forms/), and
// through them the IPC contract and the CSV import, are built from them.
export { checkAccountStatus } from './account-status';
export { accountNoLength, checkAccountNo, checkCnaps } from './bank-account';
export { checkPastIsoDate, isCalendarDay, isIsoDate } from './calendar-date';
export { provinceCodes } from './division-codes';
export { accepted, deskReason, refused } from './field-check';
export type { DeskReason, FieldCheck } from './field-check';
export { bicCountryCodes, iso3166Alpha2 } from './iso-3166';
export { orgCodeCheckCharacter, orgCodeCheckHolds } from './org-code';
export { checkPhone } from './phone';
export type { PhoneCheck, PhoneKind } from './phone';
export { checkReceiptShortName, countShortName, fitShortName, RECEIPT_SHORT_NAME_MAX_BYTES } from './receipt-short-name';
export type { ShortNameCount } from './receipt-short-name';
export { checkResidentId, residentIdCheckCharacter, residentIdKind } from './resident-id';
export type { ResidentIdKind } from './resident-id';
export { checkSwiftBic } from './swift-bic';
export { checkAcquirerCode, checkMid, checkTerminalSerial, checkTid } from './terminal-ids';
export { checkAreaCode } from './area-code';
export { checkUscc, usccCategories, usccCheckCharacter } from './uscc';
