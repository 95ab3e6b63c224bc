import { z } from 'zod';
import { languageSchema, themeSchema } from './settings';

// Language and theme belong to the operator: a desk user switching to English must not change the
// admin's screen. The screens before sign-in have nobody to ask, so they use the device's default
// (the `language` and `theme` settings), which is also what an operator sees until they choose.

/** One operator's language and theme, as shown (their own choice, else the device default). */
export const preferencesSchema = z.strictObject({ language: languageSchema, theme: themeSchema });
/** An operator's language and theme. */
export type Preferences = z.infer<typeof preferencesSchema>;

/** A change of some preferences (or of the device default for the screens before sign-in). */
export const preferencesPatchSchema = preferencesSchema.partial().strict();
/** A partial preferences change. */
export type PreferencesPatch = z.infer<typeof preferencesPatchSchema>;

/** The preference keys, in display order. */
export const preferenceKeys = Object.keys(preferencesSchema.shape) as (keyof Preferences)[];
