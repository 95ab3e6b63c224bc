import { describe, expect, it } from 'vitest';
import { checkPassword } from './password-policy';

const codes = (password: string, username = 'li.wei') => checkPassword(password, username).map((p) => p.code);

describe('checkPassword', () => {
  it('accepts a long password with two kinds of characters', () => {
    expect(checkPassword('terminal moves 42', 'li.wei')).toEqual([]);
    expect(checkPassword('correcthorsebatterystaple9', 'li.wei')).toEqual([]);
  });

  it('says how long the password must be and how long it is', () => {
    const [problem] = checkPassword('Short1!', 'li.wei');
    expect(problem?.code).toBe('too-short');
    expect(problem?.message).toMatch(/at least 12 characters; this one has 7/);
  });

  it('counts characters, not UTF-16 units', () => {
    expect(codes('密码密码密码密码密码1')).toEqual(['too-short']);
    expect(codes('密码密码密码密码密码12')).toEqual([]);
  });

  it('refuses the username, whatever its case', () => {
    const problems = checkPassword('Li.Wei.Desk.01', 'li.wei.desk.01');
    expect(problems.map((p) => p.code)).toEqual(['same-as-username']);
    expect(problems[0]?.message).toMatch(/username/);
  });

  it('names the one kind of character a password uses', () => {
    const [problem] = checkPassword('123456789012345', 'li.wei');
    expect(problem?.code).toBe('one-character-class');
    expect(problem?.message).toMatch(/only digits/);
    expect(codes('alllowercaseletters')).toEqual(['one-character-class']);
    expect(codes('ALLUPPERCASELETTERS')).toEqual(['one-character-class']);
  });

  it('lists every broken rule at once', () => {
    expect(codes('aaaa')).toEqual(['too-short', 'one-character-class']);
    expect(codes('x'.repeat(300) + '1')).toEqual(['too-long']);
  });
});
