import { z } from 'zod';

/** Facts about the running app shown in Settings → About. */
export const appInfoSchema = z.strictObject({
  appVersion: z.string(),
  schemaVersion: z.number().int().nonnegative(),
  dataDir: z.string(),
  databasePath: z.string(),
  runtime: z.enum(['electron', 'node']),
  versions: z.strictObject({
    node: z.string(),
    electron: z.string().optional(),
    chrome: z.string().optional(),
  }),
});
/** App and schema versions and where data lives. */
export type AppInfo = z.infer<typeof appInfoSchema>;
