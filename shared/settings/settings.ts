import { z } from 'zod';

/** UI languages; Simplified Chinese is the default. */
export const languageSchema = z.enum(['zh-CN', 'en-US']);
/** A supported UI language. */
export type Language = z.infer<typeof languageSchema>;

/** Colour theme: fixed light or dark, or follow the operating system. */
export const themeSchema = z.enum(['light', 'dark', 'system']);
/** A theme preference. */
export type ThemePreference = z.infer<typeof themeSchema>;

/** All user settings, as stored and as shown. */
export const settingsSchema = z.strictObject({
  language: languageSchema,
  theme: themeSchema,
});
/** The full settings object. */
export type Settings = z.infer<typeof settingsSchema>;

/** A partial update: only the named settings change. */
export const settingsPatchSchema = settingsSchema.partial().strict();
/** A partial settings update. */
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

/** Settings of a new installation. */
export const defaultSettings: Settings = { language: 'zh-CN', theme: 'system' };

/** The setting keys, in display order. */
export const settingKeys = Object.keys(settingsSchema.shape) as (keyof Settings)[];
