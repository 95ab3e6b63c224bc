import { describe, expect, it } from 'vitest';
import { byLanguage, textsIn, type TextTable } from './text-table';

describe('text tables', () => {
  const table = {
    title: ['设置', 'Settings'],
    nested: { save: ['保存', 'Save'] },
    languages: { 'zh-CN': ['简体中文', '简体中文'], 'en-US': ['English', 'English'] },
  } as const;

  it('splits into one catalog per language with the same keys', () => {
    expect(byLanguage(table)).toEqual({
      'zh-CN': { title: '设置', nested: { save: '保存' }, languages: { 'zh-CN': '简体中文', 'en-US': 'English' } },
      'en-US': { title: 'Settings', nested: { save: 'Save' }, languages: { 'zh-CN': '简体中文', 'en-US': 'English' } },
    });
  });

  it('reads a branch keyed by language codes (the language names) as a branch, not as a text', () => {
    expect(textsIn(table, 'en-US').languages).toEqual({ 'zh-CN': '简体中文', 'en-US': 'English' });
  });

  it('does not typecheck a text that lacks a language', () => {
    // @ts-expect-error the English text is missing
    const missing: TextTable = { title: ['设置'] };
    expect(missing).toBeDefined();
  });
});
