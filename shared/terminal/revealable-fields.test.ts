import { describe, expect, it } from 'vitest';
import { TAG_INFO, tagFromText } from '../rtp/tags';
import { revealableFieldOfTag, revealableTerminalFields } from './revealable-fields';

describe('revealable terminal fields', () => {
  it('maps the key check value both ways, and only secret tags', () => {
    expect(revealableTerminalFields.get('keyCheckValue')).toBe('E0E1');
    expect(revealableFieldOfTag('E0E1')).toBe('keyCheckValue');
    for (const tag of revealableTerminalFields.values()) expect(TAG_INFO.get(tagFromText(tag) ?? -1)?.kind, tag).toBe('secret');
  });

  it('reveals nothing else, whatever the renderer sends', () => {
    expect(revealableFieldOfTag('A001')).toBeUndefined();
    expect(revealableTerminalFields.has('constructor')).toBe(false);
    expect(revealableTerminalFields.has('toString')).toBe(false);
  });
});
