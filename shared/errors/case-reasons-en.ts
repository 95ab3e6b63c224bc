// Why the desk refused something about a rebinding case, in English, by code: opening a case, its
// materials, review, agreement and attachments, and the list's queries. The case table's own refusals
// (case-is-final, case-action-*) and the gate's reasons are in booking-reasons-en.ts. The renderer
// says these in the user's language (renderer/src/i18n/messages/reasons-zh-cn-cases.ts).
export const caseReasonsEnglish = {
  'case-reasons-joined': '{first} {second}',
  'case-not-found': 'This case no longer exists. Reload the list.',
  'case-terminal-unknown': 'That terminal no longer exists. Reload the list and choose it again.',
  'case-target-is-current-bank': 'The terminal is already bound to {bank}. Choose another bank as the target.',
  'case-terminal-has-open-case': 'Terminal {serial} already has an open case ({caseId}, state “{state}”). Finish or cancel that case first.',
  'case-action-through-booking': 'You {action} from the calendar or the On-site view, not from the case page.',
  'case-material-not-required': '{bank} does not ask for the material “{kind}”, so this case does not collect it.',
  'case-materials-locked': 'Materials cannot be changed while the case is in state “{state}”.',
  'case-material-verify-unreceived': 'Mark {material} as received (with its date) before verifying it.',
  'case-material-expiry-before-receipt': 'The expiry date {expiresOn} is before the day {material} was received ({receivedOn}). Check the dates.',
  'case-review-not-under-review': 'A case is approved or rejected while it is under review; this one is in state “{state}”.',
  'case-agreement-attachment-unknown': 'The agreement document must be a file attached to this case; attach the signed agreement first.',
  'case-account-not-checked': "The merchant's settlement account status has never been checked. Check it with the bank and record the date.",
  'case-not-yours': 'Engineers see the cases they have an appointment for; this case has none with you.',
  'attachment-too-large': 'The file is {size} bytes; attachments may be at most {max} bytes (20 MB). Scan at a lower resolution or split the document.',
  'attachment-empty': 'The file is empty. Choose the scan, photo or PDF again.',
  'attachment-type-refused': 'The file {fileName} is not a PDF, JPEG or PNG (its first bytes say so, whatever its name). Save it as one of those and attach it again.',
  'attachment-not-found': 'This attachment no longer exists. Reload the case.',
  'attachment-file-missing': 'The file of attachment {fileName} is missing from the data directory ({sha256}). Restore a backup that holds it, or attach it again.',
  'attachment-file-damaged': 'The file of attachment {fileName} no longer matches its checksum: it was changed or damaged on disk. Attach it again.',
  'backup-attachment-damaged': '{file} is damaged: the attachment {sha256} it carries does not match its checksum. Nothing was restored; choose another backup.',
} as const;
