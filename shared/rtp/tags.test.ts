import { describe, expect, it } from 'vitest';
import { PARAMETERS } from './parameter-table';
import { ParameterKey, Tag, TAG_INFO, tagToText } from './tags';

describe('tag names', () => {
  it('gives every tag RTP/1 defines one meaning name beside its hex', () => {
    const hexNames = Object.keys(Tag).filter((name) => /^[0-9A-F]{4}$/.test(name));
    const meaningNames = Object.keys(Tag).filter((name) => !/^[0-9A-F]{4}$/.test(name));
    expect(hexNames.map((name) => Tag[name as keyof typeof Tag]).sort()).toEqual([...TAG_INFO.keys()].sort());
    expect(meaningNames.map((name) => Tag[name as keyof typeof Tag]).sort()).toEqual([...TAG_INFO.keys()].sort());
    for (const name of hexNames) expect(tagToText(Tag[name as keyof typeof Tag])).toBe(name);
  });

  it('names a few tags as PROTOCOL.md does', () => {
    expect(Tag.TID).toBe(0xa001);
    expect(Tag.KCV).toBe(0xe0e1);
    expect(Tag.DIGEST).toBe(Tag.F008);
    expect(Tag.STAGE_OFFSET).toBe(Tag.F061);
    expect(Tag.RECORD_STAN).toBe(Tag.F051);
    expect(Tag.STAN).toBe(Tag.A009);
  });

  it('has a ParameterKey for every parameter, the text of its Tag', () => {
    expect(Object.values(ParameterKey).sort()).toEqual(PARAMETERS.map((p) => p.code).sort());
    for (const [name, key] of Object.entries(ParameterKey)) expect(tagToText(Tag[name as keyof typeof ParameterKey])).toBe(key);
  });
});
