// Why the desk refused to store a record, in English, by code: what went wrong and what to do next.
// The renderer says them in the user's language (renderer/src/i18n/messages/reasons-zh-cn-desk-records.ts).
export const deskRecordReasonsEnglish = {
  'record-changed': 'Someone changed this {entity} since you opened it. Reload it to see their change, then make yours again; nothing was saved.',
  'record-not-found': 'This {entity} no longer exists. Reload the list.',
  'bank-code-taken': 'A bank with the code {code} already exists. Choose another code, or edit that bank.',
  'bank-unknown': 'There is no bank with the code {code}. Add it under Reference data first, or choose another.',
  'model-taken': 'The model {vendor} {model} already exists. Edit that one instead.',
  'model-usb-taken': 'USB id {usbId} already names the model {other}. Each USB vendor and product pair names one model.',
  'model-unknown': 'That terminal model no longer exists. Reload the list.',
  'compatibility-taken': 'The compatibility of this model with {bank} is already recorded. Edit that row instead.',
  'engineer-profile-taken': '{username} already has an engineer profile. Edit that one instead.',
  'operator-not-engineer': '{username} is not an engineer (role: {role}). Only operators with the engineer role get a booking profile.',
  'operator-unknown': 'That operator no longer exists. Reload the list.',
  'samples-not-empty': 'Reference data exists already; the samples are only loaded into an empty install.',
  // What {entity} says, by the entity names the outbox and the audit log use.
  'entity-bank': 'bank',
  'entity-terminal-model': 'terminal model',
  'entity-compatibility': 'compatibility row',
  'entity-engineer': 'engineer profile',
  'entity-merchant': 'merchant',
  'entity-terminal': 'terminal',
  'entity-case': 'case',
  'entity-appointment': 'appointment',
} as const;

/** The entities the desk stores, as their reasons name them. */
export const deskEntities = ['bank', 'terminal-model', 'compatibility', 'engineer', 'merchant', 'terminal', 'case', 'appointment'] as const;
/** One desk entity. */
export type DeskEntity = (typeof deskEntities)[number];
