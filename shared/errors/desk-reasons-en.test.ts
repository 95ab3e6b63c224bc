import { describe, expect, it } from 'vitest';
import { appReasonsEnglish } from './app-reasons-en';
import { deskReasonsEnglish } from './desk-reasons-en';
import { englishReasons, rendererWordedReasons } from './reasons-en';
import { securityReasonsEnglish } from './security-reasons-en';
import { serviceReasonsEnglish } from './service-reasons-en';
import { outcomeReasonsEnglish } from '../rebind/outcome-reasons-en';
import { linkReasonsEnglish } from '../terminal/link-reasons-en';

describe('the desk reasons catalog', () => {
  // The shared catalog is spread from several; a code in two would silently take one sentence.
  it('shadows no code of another catalog', () => {
    const others = new Set([...Object.keys({ ...appReasonsEnglish, ...securityReasonsEnglish, ...serviceReasonsEnglish, ...outcomeReasonsEnglish, ...linkReasonsEnglish }), ...rendererWordedReasons]);
    expect(Object.keys(deskReasonsEnglish).filter((code) => others.has(code))).toEqual([]);
  });

  it('is part of the English every reason is said in', () => {
    for (const [code, sentence] of Object.entries(deskReasonsEnglish)) expect(englishReasons[code as keyof typeof englishReasons]).toBe(sentence);
  });
});
