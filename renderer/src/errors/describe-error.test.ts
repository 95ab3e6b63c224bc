import { afterEach, describe, expect, it } from 'vitest';
import { dataDirBusyReasons } from '../../../shared/backup/data-dir-busy';
import { BridgeError } from '../bridge/rebind-api';
import { i18n } from '../i18n';
import { describeError } from './describe-error';

// Only the message catalogue's language: applyLanguage also sets the document's, and there is no DOM here.
const useLanguage = (language: 'zh-CN' | 'en-US') => (i18n.global.locale.value = language);
afterEach(() => useLanguage('zh-CN'));

describe('describeError', () => {
  it.each(dataDirBusyReasons)('says why a restore is refused (%s) in Chinese and in English, not only "conflict"', (reason) => {
    const error = new BridgeError({ code: 'conflict', message: 'Another process has this data directory open (rebind run, pid 4711 on depot).', reason });
    useLanguage('zh-CN');
    const zh = describeError(error);
    useLanguage('en-US');
    const en = describeError(error);
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
    expect(en).toMatch(/restore/i);
    expect(zh).not.toBe(en);
    expect(en).not.toMatch(/^Conflict:/);
  });

  it('says where the app log is when something failed unexpectedly, in both languages', () => {
    const logFile = '/home/eng/.config/RebindDesk/logs/main.log';
    const error = new BridgeError({ code: 'internal', message: `rebind:start failed unexpectedly. The details are in the app log: ${logFile}`, reason: 'unexpected-error', params: { logFile } });
    useLanguage('zh-CN');
    const zh = describeError(error);
    useLanguage('en-US');
    const en = describeError(error);
    expect(zh).toContain(logFile);
    expect(zh).toMatch(/应用日志/);
    expect(en).toContain(`app log: ${logFile}`);
  });
});
