import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readStoredValues, storedChange } from './stored-values';

const shape = { language: z.enum(['zh-CN', 'en-US']), baudRate: z.number().int() };
const fallback = { language: 'zh-CN', baudRate: 9600 };

describe('stored settings values', () => {
  it('reads stored JSON text and falls back for keys not stored', () => {
    expect(readStoredValues(new Map([['language', '"en-US"']]), shape, fallback)).toEqual({ language: 'en-US', baudRate: 9600 });
  });

  it('falls back for a value this build does not understand, and ignores keys it does not know', () => {
    const stored = new Map([['language', '"fr-FR"'], ['baudRate', '115200'], ['from-a-newer-app', '1']]);
    expect(readStoredValues(stored, shape, fallback)).toEqual({ language: 'zh-CN', baudRate: 115200 });
  });

  it('keeps only the keys a patch really changes, with before and after for the audit entry', () => {
    const change = storedChange(['language', 'baudRate'], { language: 'zh-CN', baudRate: 9600 }, { language: 'zh-CN', baudRate: 115200 });
    expect(change).toEqual({ changes: { baudRate: { from: 9600, to: 115200 } }, entries: [['baudRate', '115200']] });
  });

  it('compares values by their JSON, so an equal object is no change', () => {
    const before = { lastPort: { path: '/dev/ttyUSB0', baudRate: 9600 } };
    expect(storedChange(['lastPort'], before, { lastPort: { path: '/dev/ttyUSB0', baudRate: 9600 } }).entries).toEqual([]);
  });
});
