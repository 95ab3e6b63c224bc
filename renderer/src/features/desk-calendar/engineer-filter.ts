import type { EngineerView } from './calendar-entries';

/** Which engineers the calendar shows: by area and by vendor skill (empty = any). */
export interface EngineerFilter {
  areas: readonly string[];
  skills: readonly string[];
}

/** The engineers who serve any of the areas and know any of the vendors asked (vendors case-insensitive, as the gate reads them). */
export function filterEngineers(engineers: readonly EngineerView[], filter: EngineerFilter): EngineerView[] {
  const skills = new Set(filter.skills.map((s) => s.toLowerCase()));
  return engineers.filter(
    (e) => (filter.areas.length === 0 || e.areas.some((a) => filter.areas.includes(a))) && (skills.size === 0 || e.skills.some((s) => skills.has(s.toLowerCase()))),
  );
}

/** The areas and vendor skills the engineers have, each once and sorted, for the filter's choices. */
export function filterChoices(engineers: readonly EngineerView[]): { areas: string[]; skills: string[] } {
  const areas = new Set<string>();
  const skills = new Map<string, string>();
  for (const e of engineers) {
    for (const a of e.areas) areas.add(a);
    for (const s of e.skills) if (!skills.has(s.toLowerCase())) skills.set(s.toLowerCase(), s);
  }
  return { areas: [...areas].sort(), skills: [...skills.values()].sort((a, b) => a.localeCompare(b)) };
}
