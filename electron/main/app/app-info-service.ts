import type { AppInfo } from '../../../shared/app/app-info';

/** What the About box and the sign-in screen show about this install. */
export interface AppInfoDeps {
  appVersion: string;
  runtime: AppInfo['runtime'];
  dataDir: string;
  databasePath: string;
  /** Read at each call: a restore may bring an older schema that was then migrated. */
  schemaVersion: () => number;
  /** Electron's and Chrome's versions in the app; Node's is always added. */
  versions?: Partial<AppInfo['versions']> | undefined;
}

/** The app's version, data location and runtime versions. */
export function createAppInfoService(deps: AppInfoDeps): { read(): AppInfo } {
  return {
    read: () => ({
      appVersion: deps.appVersion,
      schemaVersion: deps.schemaVersion(),
      dataDir: deps.dataDir,
      databasePath: deps.databasePath,
      runtime: deps.runtime,
      versions: { node: process.versions.node, ...deps.versions },
    }),
  };
}
