import { afterEach, describe, expect, it } from 'vitest';
import { englishReasons, reasonCodes, type ReasonCode } from '../../../shared/errors/reasons-en';
import { i18n, messages } from '.';
import { sayReason } from '../errors/say-reason';

// Every reason code main can send (the list AppError's reason is typed by), said in both catalogs.
const useLanguage = (language: 'zh-CN' | 'en-US') => (i18n.global.locale.value = language);
afterEach(() => useLanguage('zh-CN'));

const catalog = (language: 'zh-CN' | 'en-US') => messages[language].errors.reasons as Record<string, string>;
const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort();

/**
 * English left in a Chinese sentence once its names and codes are taken out: command lines
 * (`rebind recover --port …`), RTP/1 names (HELLO, PRINT_TEST), tags (A011), placeholders.
 */
function englishIn(text: string): string[] {
  const stripped = text
    .replace(/rebind [a-z]+( --[a-z-]+( [^\s，。（）；：]+)?)*/g, ' ')
    .replace(/\{\w+\}/g, ' ')
    .replace(/\b[A-Z][A-Z0-9_/]+\b/g, ' ')
    .replace(/\bRebindDesk\b/g, ' ');
  return [...stripped.matchAll(/[A-Za-z]+(?:[\s'’-]+[A-Za-z]+)+/g)].map((m) => m[0]);
}

describe('every reason main can send', () => {
  it('is listed once, and the shared English covers every code the renderer does not word itself', () => {
    expect(new Set(reasonCodes).size).toBe(reasonCodes.length);
    expect(reasonCodes.length).toBeGreaterThan(150);
  });

  it.each(reasonCodes)('%s has a message in zh-CN and in en-US, with the same parameters, and no English sentence in the Chinese', (code: ReasonCode) => {
    const zh = catalog('zh-CN')[code];
    const en = catalog('en-US')[code];
    expect(zh, `zh-CN lacks ${code}`).toBeTruthy();
    expect(en, `en-US lacks ${code}`).toBeTruthy();
    expect(placeholders(zh!)).toEqual(placeholders(en!));
    expect(englishIn(zh!)).toEqual([]);
    if (code in englishReasons) expect(en).toBe(englishReasons[code as keyof typeof englishReasons]);
  });

  it.each(Object.keys(englishReasons) as (keyof typeof englishReasons)[])('%s renders with its parameters in both languages, nothing left unfilled', (code) => {
    const params = Object.fromEntries(placeholders(englishReasons[code]).map((name) => [name, `«${name}»`]));
    for (const language of ['zh-CN', 'en-US'] as const) {
      useLanguage(language);
      const said = sayReason({ code, params });
      expect(said).not.toBe(code);
      expect(said).not.toMatch(/\{\w+\}/);
      for (const name of Object.keys(params)) expect(said).toContain(`«${name}»`);
    }
  });

  it('says a parameter problem with the field named by tag and meaning (the On-site form)', async () => {
    const { validateParameterValue } = await import('../../../shared/rtp');
    const problem = validateParameterValue('A001', '1234567')!;
    useLanguage('zh-CN');
    expect(sayReason(problem.reason)).toBe('A001 终端号（TID）：须为 8 位字母或数字');
    useLanguage('en-US');
    expect(sayReason(problem.reason)).toBe('A001 TID must be 8 letters or digits');
  });

  it('says a work order\'s mismatches, joined, in the user language', async () => {
    const { mismatchesReason } = await import('../../../shared/rebind/work-order');
    const mismatch = { code: 'refused-work-order', params: { mismatches: mismatchesReason([{ field: 'serialNumber', expected: '1170012345', actual: '1170099999' }, { field: 'tid', expected: '12345678', actual: '87654321' }]) } };
    useLanguage('zh-CN');
    expect(sayReason(mismatch)).toBe('终端与工单不符：序列号：工单为 1170012345，终端为 1170099999；终端号（TID）：工单为 12345678，终端为 87654321。');
    useLanguage('en-US');
    expect(sayReason(mismatch)).toBe('The terminal does not match the work order: serial number: the work order says 1170012345, the terminal says 1170099999; TID: the work order says 12345678, the terminal says 87654321.');
  });

  it('says a nested reason in the same language (a terminal named in an outcome)', () => {
    const message = { code: 'outcome-refused-locked', params: { terminal: { code: 'terminal-named', params: { serial: '1170012345' } } } };
    useLanguage('zh-CN');
    expect(sayReason(message)).toBe('终端 1170012345 被当前收单机构锁定；未做任何更改。');
    useLanguage('en-US');
    expect(sayReason(message)).toBe('Terminal 1170012345 is locked by its current acquirer; nothing was changed.');
  });
});

describe('invalid input', () => {
  it('names the field in the user language and says what to fix, without the channel name or zod words', async () => {
    const { z } = await import('zod');
    const { describeFirstIssue } = await import('../../../shared/ipc/describe-issue');
    const { BridgeError } = await import('../bridge/rebind-api');
    const { describeError } = await import('../errors/describe-error');
    const parsed = z.strictObject({ username: z.string().min(3) }).safeParse({ username: 'a' });
    if (parsed.success) throw new Error('the input should be refused');
    const { field, message, reason } = describeFirstIssue(parsed.error);
    const error = new BridgeError({ code: 'invalid-input', message: `Invalid input for auth:create-first-admin at "${field}": ${message}`, field, reason: reason.code, params: reason.params });
    useLanguage('zh-CN');
    expect(describeError(error)).toBe('用户名太短：至少需要 3 个字符。');
    useLanguage('en-US');
    expect(describeError(error)).toBe('The username is too short: use at least 3 characters.');
  });

  it('files a wrong current password under its own reason', () => {
    useLanguage('zh-CN');
    expect(sayReason({ code: 'wrong-current-password', params: {} })).toBe('当前密码不正确。请输入您登录时使用的密码。');
  });
});
