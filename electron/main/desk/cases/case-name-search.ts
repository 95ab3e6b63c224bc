// The cases list searched by a part of the merchant's name (docs/desk-cases.md#search): the page of
// cases newest first and the total, without reading every match when there are thousands.
//
// - Few candidates (the rarest gram of the part is in fewer than FEW_CANDIDATES names): every
//   matching case is read through cases_by_merchant_opened (its sort columns beside it) and sorted; the total is exact.
// - Many: the page walks cases_by_opened newest first and checks each case's merchant (a gram
//   probe, or the name itself), so it stops at the page's end; the total is counted up to
//   SEARCH_COUNT_CAP beyond the page's offset. The walk is bounded to the newest WALK_FACTOR ×
//   (offset + limit) cases: a part whose every gram is common but which is itself rare would
//   otherwise walk them all; such a part is then read as a few-candidates one.
import type Database from 'better-sqlite3';
import { prepared } from '../../db/statement-cache';
import { estimatedMatches, nameOfMerchant, namePartQuery } from '../merchants/merchant-name-search';
import type { CaseListPage } from './case-repository';

/** A search counts its matches up to this many beyond the page's offset; more, and the list says "1,000+". */
export const SEARCH_COUNT_CAP = 1000;

// Reading and sorting every match costs about what walking newest first costs at this many
// matching merchants (of 100k; profiles in docs/benchmarks.md, "Case search").
const FEW_MATCHES = 3000;
const WALK_FACTOR = 40;
const WALK_MIN = 4000;

/** The other filters on `cases c`, as one SQL condition and its parameters. */
export interface CaseFilter {
  where: string;
  params: unknown[];
}

/** The page's case rowids, newest first, and the total. */
export type NameSearchResult = Omit<CaseListPage, 'rows'> & { rowids: number[] };

const order = 'ORDER BY c.created_at DESC, c.id DESC';

// The (created_at, id) of the n-th newest case: the walk stops there.
const walkEndSql = 'SELECT created_at AS createdAt, id FROM cases INDEXED BY cases_by_opened ORDER BY created_at DESC, id DESC LIMIT 1 OFFSET ?';

/** The page and total of the cases whose merchant's name holds `text`, among those `filter` keeps. */
export function searchByNamePart(db: Database.Database, text: string, filter: CaseFilter, offset: number, limit: number): NameSearchResult {
  const part = namePartQuery(db, text);
  const matching = `(${part.sql}) p CROSS JOIN cases c ON c.merchant_id = p.merchant_id`;
  const everyMatch = () => {
    const rowids = prepared<unknown[], number>(db, `SELECT c.rowid FROM ${matching} WHERE ${filter.where} ${order}`).pluck().all(...part.params, ...filter.params);
    return { rowids: rowids.slice(offset, offset + limit), total: rowids.length, totalCapped: false };
  };
  if (part.candidates < FEW_MATCHES || estimatedMatches(db, part) < FEW_MATCHES) return everyMatch();

  const walked = Math.max(WALK_MIN, WALK_FACTOR * (offset + limit));
  const end = prepared<[number], { createdAt: string; id: string }>(db, walkEndSql).get(walked);
  // Two characters are one gram, exactly: a probe of its index; any other part is looked for in the name.
  const single = Array.from(text).length === 2;
  const holds = single
    ? 'EXISTS (SELECT 1 FROM merchant_name_grams g WHERE g.gram = ? AND g.merchant_id = c.merchant_id)'
    : `instr(${nameOfMerchant('c.merchant_id')}, ?) > 0`;
  const bound = end ? ' AND (c.created_at, c.id) > (?, ?)' : '';
  const pageSql = `SELECT c.rowid FROM cases c INDEXED BY cases_by_opened WHERE ${holds}${bound} AND ${filter.where} ${order} LIMIT ? OFFSET ?`;
  const rowids = prepared<unknown[], number>(db, pageSql).pluck().all(text, ...(end ? [end.createdAt, end.id] : []), ...filter.params, limit, offset);
  // Fewer than a page within the walk's bound: the part is rarer than its grams; read every match.
  if (rowids.length < limit && end) return everyMatch();

  const counted = offset + SEARCH_COUNT_CAP;
  const countSql = `SELECT count(*) AS n FROM (SELECT 1 FROM ${matching} WHERE ${filter.where} LIMIT ?)`;
  const n = prepared<unknown[], { n: number }>(db, countSql).get(...part.params, ...filter.params, counted + 1)!.n;
  return { rowids, total: Math.min(n, counted), totalCapped: n > counted };
}
