import { z } from 'zod';
import { roles, type Role } from '../auth/roles';

/** UI languages; Simplified Chinese is the default. */
export const languageSchema = z.enum(['zh-CN', 'en-US']);
/** A supported UI language. */
export type Language = z.infer<typeof languageSchema>;

/** Colour theme: fixed light or dark, or follow the operating system. */
export const themeSchema = z.enum(['light', 'dark', 'system']);
/** A theme preference. */
export type ThemePreference = z.infer<typeof themeSchema>;

/**
 * The device's settings, as stored and as shown. `language` and `theme` are the device default:
 * what the screens before sign-in show, and what an operator sees until they choose their own
 * (per-operator preferences, preferences.ts).
 */
export const settingsSchema = z.strictObject({
  language: languageSchema,
  theme: themeSchema,
  /** The port used last (a device path or the demo terminal), pre-selected on the Terminal page. */
  terminalPort: z.string().min(1).max(4096).nullable(),
  /** The baud rate used last. */
  terminalBaudRate: z.number().int().min(1200).max(921_600),
});
/** The full settings object. */
export type Settings = z.infer<typeof settingsSchema>;

/**
 * A partial update of the device's settings: only the named ones change. An operator's own language
 * and theme change through `preferences:update`; the screens before sign-in change the device
 * default through a public channel of their own.
 */
export const settingsPatchSchema = settingsSchema.partial().strict();
/** A partial settings update. */
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

/** Settings of a new installation. */
export const defaultSettings: Settings = { language: 'zh-CN', theme: 'system', terminalPort: null, terminalBaudRate: 115200 };

/**
 * Who may change each setting. Everyone signed in may set the device default language and theme
 * (anyone may on the screens before sign-in, too); the terminal's port and baud rate are what the
 * Terminal and On-site pages pre-select for engineers, and the desk does not drive terminals, so
 * only engineers and admins may set them.
 */
export const settingEditors: Readonly<Record<keyof Settings, readonly Role[]>> = {
  language: roles,
  theme: roles,
  terminalPort: ['engineer', 'admin'],
  terminalBaudRate: ['engineer', 'admin'],
};

/** The settings in `patch` that `role` may not change (empty when it may change them all). */
export function settingsRoleMayNotChange(role: Role, patch: SettingsPatch): (keyof Settings)[] {
  return (Object.keys(settingEditors) as (keyof Settings)[]).filter((key) => patch[key] !== undefined && !settingEditors[key].includes(role));
}

/** The setting keys, in display order. */
export const settingKeys = Object.keys(settingsSchema.shape) as (keyof Settings)[];
