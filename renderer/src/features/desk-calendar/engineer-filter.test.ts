import { describe, expect, it } from 'vitest';
import type { EngineerView } from './calendar-entries';
import { filterChoices, filterEngineers } from './engineer-filter';

const engineer = (id: string, areas: string[], skills: string[]) => ({ id, displayName: id, areas, skills }) as unknown as EngineerView;
const team = [engineer('a', ['310115'], ['PAX']), engineer('b', ['310101', '310115'], ['Verifone', 'pax']), engineer('c', ['320505'], ['Newland'])];
const ids = (list: EngineerView[]) => list.map((e) => e.id);

describe('filterEngineers', () => {
  it('shows everyone without a filter, and by area, by vendor skill (any case) or both', () => {
    expect(ids(filterEngineers(team, { areas: [], skills: [] }))).toEqual(['a', 'b', 'c']);
    expect(ids(filterEngineers(team, { areas: ['310115'], skills: [] }))).toEqual(['a', 'b']);
    expect(ids(filterEngineers(team, { areas: [], skills: ['PAX'] }))).toEqual(['a', 'b']);
    expect(ids(filterEngineers(team, { areas: ['310101', '320505'], skills: ['newland'] }))).toEqual(['c']);
    expect(ids(filterEngineers(team, { areas: ['999999'], skills: [] }))).toEqual([]);
  });
});

describe('filterChoices', () => {
  it('offers each area and each vendor once, sorted', () => {
    expect(filterChoices(team)).toEqual({ areas: ['310101', '310115', '320505'], skills: ['Newland', 'PAX', 'Verifone'] });
  });
});
