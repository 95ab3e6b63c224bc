import { describe, expect, it } from 'vitest';
import { byLanguage, textsIn } from './text-table';

describe('text tables', () => {
  const table = {
    title: { 'zh-CN': '设置', 'en-US': 'Settings' },
    nested: { save: { 'zh-CN': '保存', 'en-US': 'Save' } },
    languages: {
      'zh-CN': { 'zh-CN': '简体中文', 'en-US': '简体中文' },
      'en-US': { 'zh-CN': 'English', 'en-US': 'English' },
    },
  };

  it('splits into one catalog per language with the same keys', () => {
    expect(byLanguage(table)).toEqual({
      'zh-CN': { title: '设置', nested: { save: '保存' }, languages: { 'zh-CN': '简体中文', 'en-US': 'English' } },
      'en-US': { title: 'Settings', nested: { save: 'Save' }, languages: { 'zh-CN': '简体中文', 'en-US': 'English' } },
    });
  });

  it('reads a branch keyed by language codes as a branch, not as a text', () => {
    expect(textsIn(table, 'en-US').languages).toEqual({ 'zh-CN': '简体中文', 'en-US': 'English' });
  });

  it('does not typecheck a text that lacks a language', () => {
    // @ts-expect-error en-US is missing
    const missing: Parameters<typeof byLanguage>[0] = { title: { 'zh-CN': '设置' } };
    expect(missing).toBeDefined();
  });
});
