import { describe, expect, it } from 'vitest';
import { checkChannelAccess, roles, type ChannelRoles, type Role } from '../../../../../shared/auth/roles';
import { openablePages } from '../../../router/page-access';
import { pageRoutes } from '../../../router/routes';
import type { GuideBlock, GuideSection } from './guide-types';
import { guideSections, guides, sectionFor } from './guides';

const languages = ['zh-CN', 'en-US'] as const;
// The same check main applies, for a complete session of `role`; the desk's guide serves desk
// leads too (its Reports section says it is theirs), so the desk is checked as a lead.
const mayAs = (role: Role) => (required: ChannelRoles) => checkChannelAccess(required, { role, pending: { passwordChange: false, twoFactorEnrolment: false }, deskLead: role === 'desk' }).allowed;
const openable = (role: Role) => openablePages(mayAs(role)).map((page) => page.name);

const textsOf = (section: GuideSection): string[] => [section.title, ...section.blocks.flatMap((block: GuideBlock) => ('items' in block ? block.items : [block.text]))];

/**
 * English words left in a Chinese text once what the UI itself shows in Latin letters is taken out:
 * abbreviations (TID, USB, CSV), names (RebindDesk, English), paths and command lines, F1.
 */
function englishIn(text: string): string[] {
  const stripped = text
    .replace(/\brebind(?: [a-z]+)?\b/g, ' ')
    .replace(/\/dev\/\w+|COM\d/g, ' ')
    .replace(/\b(?:RebindDesk|English|JSONL|UTF-8|GB18030|RS-232|BOM)\b/g, ' ')
    .replace(/\b[A-Z][A-Z0-9_/]+\b/g, ' ');
  return [...stripped.matchAll(/[A-Za-z]{2,}(?:[\s'’-]+[A-Za-z]+)*/g)].map((m) => m[0]);
}

describe('the operating guide', () => {
  it.each(roles.flatMap((role) => languages.map((language) => [role, language] as const)))('%s in %s has a section for every page the role may open, and none for another page', (role, language) => {
    const guide = guides[language][role];
    const keys = Object.keys(guide).filter((key) => key !== 'overview' && key !== 'training');
    expect(keys.sort()).toEqual(openable(role).sort());
    for (const page of openable(role)) {
      const section = guide[page]!;
      expect(section.title.trim(), `${role} ${language} ${page}`).not.toBe('');
      expect(section.blocks.length, `${role} ${language} ${page}`).toBeGreaterThan(0);
      for (const text of textsOf(section)) expect(text.trim(), `${role} ${language} ${page}`).not.toBe('');
    }
  });

  it('reads in the language it claims: no English sentence in Chinese, no Chinese in English but the language name', () => {
    for (const role of roles) {
      for (const { key, section } of guideSections(guides['zh-CN'][role])) {
        for (const text of textsOf(section)) {
          expect(englishIn(text), `${role} ${key}: ${text}`).toEqual([]);
          expect(text, `${role} ${key}`).toMatch(/[\u4e00-\u9fff]/);
        }
      }
      for (const { key, section } of guideSections(guides['en-US'][role])) {
        for (const text of textsOf(section)) expect(text.replace('简体中文', ''), `${role} ${key}: ${text}`).not.toMatch(/[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]/);
      }
    }
  });

  it('lists the overview first, training mode second and the pages in menu order, and opens a page at its own section', () => {
    const order = pageRoutes.map((page) => page.name as string);
    for (const role of roles) {
      const keys = guideSections(guides['en-US'][role]).map((entry) => entry.key as string);
      expect(keys.slice(0, 2)).toEqual(['overview', 'training']);
      expect(keys.slice(2)).toEqual(order.filter((name) => keys.includes(name)));
      for (const page of openable(role)) expect(sectionFor(guides['zh-CN'][role], page)).toBe(page);
    }
    // A page the desk may not open (an admin reading the desk's guide there), or no page: the overview.
    expect(sectionFor(guides['zh-CN'].desk, 'terminal')).toBe('overview');
    expect(sectionFor(guides['zh-CN'].desk, undefined)).toBe('overview');
  });

  it('tells everyone how to open it, and the admin where the support contact is set', () => {
    for (const role of roles) {
      expect(textsOf(guides['zh-CN'][role].overview).join(' ')).toContain('F1');
      expect(textsOf(guides['en-US'][role].overview).join(' ')).toContain('F1');
    }
    expect(textsOf(guides['zh-CN'].admin.settings!).join(' ')).toContain('支持联系人');
    // Every role is told how training mode is entered, that only the demo terminal works, and how it is left.
    for (const role of roles) {
      expect(textsOf(guides['zh-CN'][role].training).join(' ')).toMatch(/“培训模式”.*演示终端.*“退出培训模式”.*“重置培训数据”/s);
      expect(textsOf(guides['en-US'][role].training).join(' ')).toMatch(/"Training mode".*Demo terminal.*"Leave training mode".*"Reset training data"/s);
    }
    expect(textsOf(guides['en-US'].admin.settings!).join(' ')).toContain('Support contact');
  });
});
