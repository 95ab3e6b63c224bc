import { describe, expect, it } from 'vitest';
import { SAMPLE_NEW_PARAMETERS } from '../../tests/fixtures/rtp-vectors';
import { checkParameterFile, describeProblems } from './parameter-file';

describe('checkParameterFile', () => {
  it('accepts the sample new set and sorts it by tag', () => {
    const shuffled = Object.fromEntries(Object.entries(SAMPLE_NEW_PARAMETERS).reverse());
    const result = checkParameterFile(shuffled);
    expect(result).toEqual({ ok: true, params: { ...SAMPLE_NEW_PARAMETERS } });
    if (result.ok) expect(Object.keys(result.params)).toEqual(Object.keys(SAMPLE_NEW_PARAMETERS).sort());
  });

  it('reports every problem, each naming its tag, in tag order', () => {
    const { A014: _, ...rest } = SAMPLE_NEW_PARAMETERS;
    const result = checkParameterFile({ ...rest, A001: 'short', A00A: '000001', E0E1: 'XYZ', B123: 'x', a001: '1', A013: 12 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.tag)).toEqual(['A001', 'A00A', 'A013', 'A014', 'B123', 'E0E1', 'a001']);
    const text = describeProblems(result.problems);
    expect(text).toContain('A001 TID must be 8 letters or digits');
    expect(text).toContain('A00A batch number is volatile');
    expect(text).toContain('A013 NII must be a JSON string');
    expect(text).toContain('A014 MCC is missing');
    expect(text).toContain('B123 is not a parameter of RTP/1');
    expect(text).toContain('E0E1 master key check value must be 6 hex digits');
    expect(text).toContain('"a001" is not a tag');
  });

  it('refuses anything but an object', () => {
    for (const bad of [null, [], 'A001', 7]) expect(checkParameterFile(bad)).toMatchObject({ ok: false, problems: [{ message: expect.stringContaining('one JSON object') }] });
  });

  it('takes A012 as optional', () => {
    expect(checkParameterFile({ ...SAMPLE_NEW_PARAMETERS, A012: 'backup.example:443' }).ok).toBe(true);
    expect(checkParameterFile({ ...SAMPLE_NEW_PARAMETERS, A012: 'no port' })).toMatchObject({ ok: false, problems: [{ tag: 'A012' }] });
  });
});
