// The schema of a reason main sends in an event or an outcome: a code from the one list, with its
// parameters (nested reasons too).
import { reasonSchemaOf } from './reason';
import { reasonCodes, type ReasonCode } from './reasons-en';

export const mainReasonSchema = reasonSchemaOf(reasonCodes as [ReasonCode, ...ReasonCode[]]);
