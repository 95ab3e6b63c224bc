import { describe, expect, it } from 'vitest';
import type { ChecklistStepOf } from '../../../../shared/checklist';
import { checkNumber } from './number-answer';

const signal: ChecklistStepOf<'number'> = { id: 'signal', kind: 'number', label: { 'zh-CN': '信号', 'en-US': 'Signal' }, required: true, min: -110, max: -40, decimals: 1, unit: 'dBm' };

describe('number answer', () => {
  it('takes a value in range with at most the step\'s decimal places, a comma as the point', () => {
    expect(checkNumber('-72.5', signal)).toEqual({ ok: true, value: -72.5 });
    expect(checkNumber(' -40 ', signal)).toEqual({ ok: true, value: -40 });
    expect(checkNumber('-110', signal)).toEqual({ ok: true, value: -110 });
    expect(checkNumber('-72,5', signal)).toEqual({ ok: true, value: -72.5 });
    // Trailing zeros are not decimal places a reading has.
    expect(checkNumber('-72.50', signal)).toEqual({ ok: true, value: -72.5 });
  });

  it('says what is wrong: not a number, outside the range, too many decimal places', () => {
    expect(checkNumber('', signal)).toEqual({ ok: false, problem: 'notANumber' });
    expect(checkNumber('abc', signal)).toEqual({ ok: false, problem: 'notANumber' });
    expect(checkNumber('1e3', signal)).toEqual({ ok: false, problem: 'notANumber' });
    expect(checkNumber('-39.9', signal)).toEqual({ ok: false, problem: 'outOfRange' });
    expect(checkNumber('-110.1', signal)).toEqual({ ok: false, problem: 'outOfRange' });
    expect(checkNumber('-72.55', signal)).toEqual({ ok: false, problem: 'tooManyDecimals' });
    expect(checkNumber('3', { ...signal, min: 0, max: 10, decimals: 0 })).toEqual({ ok: true, value: 3 });
    expect(checkNumber('3.5', { ...signal, min: 0, max: 10, decimals: 0 })).toEqual({ ok: false, problem: 'tooManyDecimals' });
  });
});
