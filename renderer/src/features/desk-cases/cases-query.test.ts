import { describe, expect, it } from 'vitest';
import { casesQuery, isFiltered, noFilters } from './cases-query';

describe('cases list query', () => {
  it('sends no filter for empty filters and a blank search, without reading the zone', () => {
    const zone = () => {
      throw new Error('the zone was read without a date filter');
    };
    expect(casesQuery({ ...noFilters(), search: '   ' }, zone)).toEqual({});
    expect(casesQuery({ ...noFilters(), states: ['draft'], bank: 'acquirer-b' }, zone)).toEqual({ states: ['draft'], bank: 'acquirer-b' });
    expect(isFiltered(noFilters())).toBe(false);
  });

  it('maps each filter to its field, the search trimmed', () => {
    const query = casesQuery({ search: ' SN0001 ', states: ['draft', 'approved'], bank: 'acquirer-b', engineerId: '0190a8d0-0000-7000-8000-000000000001', opened: null }, () => 'Asia/Shanghai');
    expect(query).toEqual({ search: 'SN0001', states: ['draft', 'approved'], bank: 'acquirer-b', engineerId: '0190a8d0-0000-7000-8000-000000000001' });
    expect(isFiltered({ ...noFilters(), states: ['draft'] })).toBe(true);
  });

  it('turns the opened days into instants in the desk zone, the last day included', () => {
    expect(casesQuery({ ...noFilters(), opened: ['2026-12-01', '2026-12-03'] }, () => 'Asia/Shanghai')).toEqual({
      openedFrom: '2026-11-30T16:00:00Z',
      openedBefore: '2026-12-03T16:00:00Z',
    });
    // Reversed ends are read in order.
    expect(casesQuery({ ...noFilters(), opened: ['2026-12-03', '2026-12-01'] }, () => 'Asia/Shanghai').openedFrom).toBe('2026-11-30T16:00:00Z');
  });

  it('counts a DST day at its real length (Berlin, 29 March 2026 has 23 hours)', () => {
    const query = casesQuery({ ...noFilters(), opened: ['2026-03-29', '2026-03-29'] }, () => 'Europe/Berlin');
    expect(query).toEqual({ openedFrom: '2026-03-28T23:00:00Z', openedBefore: '2026-03-29T22:00:00Z' });
  });
});
