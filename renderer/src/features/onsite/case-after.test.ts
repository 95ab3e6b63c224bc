import { describe, expect, it } from 'vitest';
import { caseLine } from './case-after';

const caseId = '019a0000-0000-7000-8000-000000000001';

describe("the outcome banner's case line", () => {
  it('says the case moved on, failed (bookable again), or stayed where it was', () => {
    expect(caseLine({ caseId, before: 'scheduled', after: 'rebound' })).toEqual({ key: 'moved', state: 'rebound' });
    expect(caseLine({ caseId, before: 'scheduled', after: 'failed' })).toEqual({ key: 'failed', state: 'failed' });
    expect(caseLine({ caseId, before: 'on-site', after: 'failed' })).toEqual({ key: 'failed', state: 'failed' });
    expect(caseLine({ caseId, before: 'scheduled', after: 'scheduled' })).toEqual({ key: 'stays', state: 'scheduled' });
  });

  it('passes on why the case could not be read back', () => {
    const error = new Error('gone');
    expect(caseLine({ caseId, unread: error })).toEqual({ key: 'unread', error });
  });
});
