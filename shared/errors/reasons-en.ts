// Every reason code the main process can send, in one list, and the English of those whose words
// live in shared/ (the CLI and the logs say them; the renderer's en-US catalog uses the same words).
// AppError's reason is typed by this list, so a new code cannot be thrown without being listed,
// and the catalog test (renderer/src/i18n/reasons.test.ts) walks it in both languages.
import { accessRefusals } from '../auth/roles';
import { signInRefusals } from '../auth/session';
import { backupReasonsEnglish } from '../backup/backup-reasons-en';
import { dataDirBusyReasons } from '../backup/data-dir-busy';
import { engineReasonsEnglish } from '../rebind/engine-reasons-en';
import { parameterReasonsEnglish } from '../rtp/parameter-reasons-en';
import { outcomeReasonsEnglish } from '../rebind/outcome-reasons-en';
import { linkReasonsEnglish } from '../terminal/link-reasons-en';
import { appReasonsEnglish } from './app-reasons-en';
import { appointmentReasonsEnglish } from './appointment-reasons-en';
import { bookingReasonsEnglish } from './booking-reasons-en';
import { caseReasonsEnglish } from './case-reasons-en';
import { checklistReasonsEnglish } from './checklist-reasons-en';
import { reportReasonsEnglish } from './report-reasons-en';
import { csvReasonsEnglish } from './csv-reasons-en';
import { deskReasonsEnglish } from './desk-reasons-en';
import { deskRecordReasonsEnglish } from './desk-record-reasons-en';
import { merchantReasonsEnglish } from './merchant-reasons-en';
import { serviceReasonsEnglish } from './service-reasons-en';
import { storageReasonsEnglish } from './storage-reasons-en';
import { supportContactReasonsEnglish } from './support-contact-reasons-en';
import { trainingReasonsEnglish } from './training-reasons-en';
import { renderReason, type Reason } from './reason';
import { securityReasonsEnglish } from './security-reasons-en';

/** The English of every reason whose words live in shared/. */
export const englishReasons = {
  ...outcomeReasonsEnglish,
  ...engineReasonsEnglish,
  ...parameterReasonsEnglish,
  ...backupReasonsEnglish,
  ...storageReasonsEnglish,
  ...linkReasonsEnglish,
  ...appReasonsEnglish,
  ...securityReasonsEnglish,
  ...serviceReasonsEnglish,
  ...deskReasonsEnglish,
  ...bookingReasonsEnglish,
  ...appointmentReasonsEnglish,
  ...csvReasonsEnglish,
  ...deskRecordReasonsEnglish,
  ...merchantReasonsEnglish,
  ...caseReasonsEnglish,
  ...checklistReasonsEnglish,
  ...reportReasonsEnglish,
  ...supportContactReasonsEnglish,
  ...trainingReasonsEnglish,
} as const;

/** A reason whose English is in shared/. */
export type SharedReasonCode = keyof typeof englishReasons;

/** Reasons the router and the auth and backup services send, whose words are in the renderer only. */
export const rendererWordedReasons = [
  ...signInRefusals,
  ...accessRefusals,
  ...dataDirBusyReasons,
  'input-too-large',
  'input-too-deep',
  'input-sparse-array',
  'input-not-plain',
  'screen-locked',
  'unexpected-error',
] as const;

/** Every reason code main can send. */
export const reasonCodes = [...new Set([...(Object.keys(englishReasons) as SharedReasonCode[]), ...rendererWordedReasons])] as ReasonCode[];

/** One reason code main can send. */
export type ReasonCode = SharedReasonCode | (typeof rendererWordedReasons)[number];

/** A reason main can send. */
export type MainReason = Reason<ReasonCode>;

/** The reason in English (for the CLI and the logs); a code without shared words is said as the code. */
export function inEnglish(value: Reason): string {
  return renderReason(value, englishReasons);
}
