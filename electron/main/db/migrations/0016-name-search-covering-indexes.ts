import type { Migration } from '../migration';

/**
 * Covering indexes for a name search with a thousand or more matches (docs/desk-cases.md#search,
 * docs/benchmarks.md "Case search"): the check that a candidate's name holds the part reads the
 * name beside the id (one index probe instead of the id index and then the 300-byte merchant row),
 * and a merchant's cases come with the columns the list sorts by (created_at, id) instead of a
 * case row each. Place and district (1,583 merchants, 1,633 cases of 100k) read some 3,200 table
 * rows fewer. cases_by_merchant_opened begins with merchant_id, so it replaces cases_by_merchant.
 * Building both on a file of 100k merchants and cases takes about a quarter of a second.
 */
export const migration0016: Migration = {
  version: 16,
  name: 'name-search-covering-indexes',
  up(db) {
    db.exec(`
      CREATE INDEX merchants_name_by_id ON merchants (id, name);
      CREATE INDEX cases_by_merchant_opened ON cases (merchant_id, created_at, id);
      DROP INDEX cases_by_merchant;
    `);
  },
};
