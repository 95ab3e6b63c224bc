// Identifiers shared by the desk's records. Desk records carry UUIDv7 ids (time-ordered, made on
// any laptop offline without colliding, ready for team mode); operators keep their integer ids.
import { z } from 'zod';

/** A desk record's id (UUID; the app makes v7). */
export const recordIdSchema = z.uuid();
/** An operator's id (shared/auth/operator.ts). */
export const operatorIdSchema = z.int().positive();
/**
 * Who did something, as the audit log and the record meta name them: the operator's username.
 * Not the integer id, which is local to one laptop's database; usernames are the team's names.
 */
export const actorNameSchema = z.string().min(1).max(64);

/** A bank code, the same form as a bank template id (`acquirer-b`). */
export const bankCodeSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'a bank code is 2-63 lower-case letters, digits or dashes');

/**
 * An area a bank or an engineer serves and a merchant is in. The shipped samples use the six-digit
 * administrative division codes of GB/T 2260 (310115 = Pudong); any short code without spaces works.
 */
export const areaCodeSchema = z.string().regex(/^[0-9A-Za-z][0-9A-Za-z-]{0,31}$/, 'an area code is 1-32 letters, digits or dashes (e.g. 310115)');

/** A terminal vendor's name as the models table spells it (PAX, Verifone, …). */
export const vendorNameSchema = z.string().trim().min(1).max(64);

/** A numeric dotted version, e.g. 7.1.2. */
export const dottedVersionSchema = z.string().regex(/^\d{1,9}(\.\d{1,9}){0,7}$/, 'a version is numbers separated by dots, e.g. 7.1.2');
