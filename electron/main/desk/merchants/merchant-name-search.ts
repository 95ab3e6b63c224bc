// A part of a merchant's name, found through merchant_name_grams (migration 0013): the merchant
// search and the cases list ask it. One character is a range of the grams starting with it; two
// are one gram, exactly; a longer part takes the merchants of its rarest gram that also have the
// next two rarest (each a primary-key probe), and keeps those whose name holds the whole part
// (having every gram does not mean holding the part).
import type Database from 'better-sqlite3';
import { prepared } from '../../db/statement-cache';

/** A gram found in more names than this is common: counting stops there. */
export const COMMON_GRAM = 5000;

const gramCountSql = `SELECT count(*) AS n FROM (SELECT 1 FROM merchant_name_grams WHERE gram = ? LIMIT ${COMMON_GRAM})`;

/** How to find the merchants whose name holds a part: SQL selecting `merchant_id`, its parameters, and how many names its gram is in (capped at COMMON_GRAM). */
export interface NamePartQuery {
  sql: string;
  params: string[];
  /** The rarest gram's names, up to COMMON_GRAM: the candidates the query reads. */
  candidates: number;
  /** How many of the first SAMPLE candidates hold the part; absent when every candidate does. */
  sampleSql?: string;
  /** sampleSql's parameters when they are not `params`. */
  sampleParams?: string[];
}

/** Candidates read to guess the share of them that hold the part. */
export const SAMPLE = 100;

/**
 * The name of the merchant `id` (an SQL expression), read from merchants_name_by_id (migration
 * 0016), where it sits beside the id: one index probe, where the planner's pick, the id's own
 * unique index, reads the 300-byte row after it (half the pages a thousand-name check touches).
 */
export const nameOfMerchant = (id: string) => `(SELECT m.name FROM merchants m INDEXED BY merchants_name_by_id WHERE m.id = ${id})`;

const countOf = (db: Database.Database, gram: string): number => prepared<[string], { n: number }>(db, gramCountSql).get(gram)!.n;

/** The distinct two-character windows of `text`, counted in code points as SQLite's substr counts characters. */
export function gramsOfText(text: string): string[] {
  const characters = Array.from(text);
  const grams = new Set<string>();
  for (let i = 0; i + 1 < characters.length; i += 1) grams.add(characters[i]! + characters[i + 1]!);
  return [...grams];
}

/** The query for the merchants whose name holds `text` (one character or more). */
export function namePartQuery(db: Database.Database, text: string): NamePartQuery {
  const grams = gramsOfText(text);
  if (grams.length === 0) {
    // Every gram starting with the character: its windows and a name's last character alone.
    return { sql: 'SELECT DISTINCT merchant_id FROM merchant_name_grams WHERE gram >= ? AND gram < ? || char(1114111)', params: [text, text], candidates: COMMON_GRAM };
  }
  if (grams.length === 1 && Array.from(text).length === 2) {
    return { sql: 'SELECT merchant_id FROM merchant_name_grams WHERE gram = ?', params: grams, candidates: countOf(db, grams[0]!) };
  }
  const counted = grams.map((gram) => ({ gram, n: countOf(db, gram) })).sort((a, b) => a.n - b.n);
  const [rarest, ...others] = counted.map((c) => c.gram);
  const also = others.slice(0, 2);
  // One CASE, so the gram probes, which turn most candidates away, run before the name is read:
  // as separate terms (or a join) SQLite read the name first, for every candidate (2-3× the time).
  const holds = `CASE WHEN ${also.map(() => 'EXISTS (SELECT 1 FROM merchant_name_grams h WHERE h.gram = ? AND h.merchant_id = g.merchant_id)').join(' AND ') || '1'}
        THEN instr(${nameOfMerchant('g.merchant_id')}, ?) > 0 ELSE 0 END`;
  const sampleSql = `SELECT count(*) FROM (SELECT merchant_id FROM merchant_name_grams WHERE gram = ? LIMIT ${SAMPLE}) g WHERE ${holds}`;
  if (counted[0]!.n >= COMMON_GRAM && also.length > 0) {
    // Every gram is common (thousands of names each, as a place and a district are): the two
    // rarest gram lists, both ordered by merchant id, are merged (a sequential read of each, about
    // 3× cheaper than probing one for each of the other's entries), and the names of those in both read.
    return {
      sql: `SELECT i.merchant_id FROM (SELECT merchant_id FROM merchant_name_grams WHERE gram = ? INTERSECT SELECT merchant_id FROM merchant_name_grams WHERE gram = ? ORDER BY 1) i
        WHERE instr(${nameOfMerchant('i.merchant_id')}, ?) > 0`,
      params: [rarest!, also[0]!, text],
      candidates: counted[0]!.n,
      sampleSql,
      sampleParams: [rarest!, ...also, text],
    };
  }
  return { sql: `SELECT g.merchant_id FROM merchant_name_grams g WHERE g.gram = ? AND ${holds}`, sampleSql, params: [rarest!, ...also, text], candidates: counted[0]!.n };
}

/**
 * About how many merchants hold the part: the candidates times the share of the first SAMPLE of
 * them that do (ids are UUIDv7, so these are the oldest merchants; a guess for choosing a plan,
 * never a count shown).
 */
export function estimatedMatches(db: Database.Database, part: NamePartQuery): number {
  if (part.sampleSql === undefined) return part.candidates;
  const held = prepared<string[], number>(db, part.sampleSql).pluck().get(...(part.sampleParams ?? part.params))!;
  return Math.round((part.candidates * held) / Math.min(SAMPLE, Math.max(1, part.candidates)));
}
