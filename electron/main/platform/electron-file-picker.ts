import { dialog, type BrowserWindow } from 'electron';
import type { FilePicker } from './file-picker';

const sqliteFilters = [{ name: 'RebindDesk backup', extensions: ['sqlite', 'db'] }];
const csvFilters = [{ name: 'CSV', extensions: ['csv', 'txt'] }];

/** Native save/open dialogs, attached to the main window. */
export function createElectronFilePicker(window: () => BrowserWindow | null, defaultDir: string): FilePicker {
  return {
    async chooseBackupTarget(suggestedName) {
      const owner = window();
      const options = { defaultPath: `${defaultDir}/${suggestedName}`, filters: sqliteFilters };
      const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async chooseLinkLogTarget(suggestedName) {
      const owner = window();
      const options = { defaultPath: suggestedName, filters: [{ name: 'Link log', extensions: ['log', 'jsonl', 'txt'] }] };
      const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async chooseAuditExportTarget(suggestedName) {
      const owner = window();
      const options = { defaultPath: suggestedName, filters: [{ name: 'CSV', extensions: ['csv'] }] };
      const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async chooseCsvTarget(suggestedName) {
      const owner = window();
      const options = { defaultPath: suggestedName, filters: csvFilters };
      const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async chooseCsvSource() {
      const owner = window();
      const options = { filters: csvFilters, properties: ['openFile' as const] };
      const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseBackupSource() {
      const owner = window();
      const options = { defaultPath: defaultDir, filters: sqliteFilters, properties: ['openFile' as const] };
      const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}
