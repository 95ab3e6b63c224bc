// Settings and preferences are stored alike, as JSON text per key; the scope says whose they are.
// 'device' is the install's own (the settings table: the terminal's port and the default language
// and theme of the screens before sign-in), an operator id one operator's own language and theme.
export type SettingsScope = 'device' | { operatorId: number };

export interface SettingsRepository {
  /** The stored JSON text of every key set in `scope`. */
  read(scope: SettingsScope): Map<string, string>;
  /** Stores the keys in `scope`; call inside the audited() operation that records the change. */
  write(scope: SettingsScope, entries: ReadonlyArray<readonly [string, string]>, at: Date): void;
}
