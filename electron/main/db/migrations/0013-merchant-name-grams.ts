import type { Migration } from '../migration';

// The character positions 1 … length(name) of a name (names are 1 to 100 characters, migration
// 0010's check). substr and length count characters, as the search's JS does (code points).
const positionsOf = (name: string) => `WITH RECURSIVE at(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM at WHERE i < length(${name}))`;

// A name's grams: every two-character window, and its last character alone, so a one-character
// search is a range of the grams that start with it.
const gramsOf = (name: string) => `${positionsOf(name)} SELECT substr(${name}, i, 2) FROM at`;

// Only the old name's grams are deleted, each found by the primary key (gram, merchant_id): a
// delete by merchant_id alone would scan the table.
const dropGramsOf = (name: string, id: string) => `DELETE FROM merchant_name_grams WHERE merchant_id = ${id} AND gram IN (${gramsOf(name)});`;
const addGramsOf = (name: string, id: string) => `INSERT OR IGNORE INTO merchant_name_grams (gram, merchant_id) ${positionsOf(name)} SELECT substr(${name}, i, 2), ${id} FROM at;`;

/**
 * A name-part index for merchants (issue 10's search goal, docs/desk-merchants.md#search): every
 * two-character window of each name, kept by triggers so every writer (the desk, CSV import, team
 * mode's server changes, a raw repair) keeps it true. FTS5's trigram tokenizer cannot find a part
 * of two characters — the length of many Chinese names and words (茶庄, 鼓楼) — so the index is
 * ours. Derived data: not a desk record, no record meta, never in the outbox.
 */
export const migration0013: Migration = {
  version: 13,
  name: 'merchant-name-grams',
  up(db) {
    db.exec(`
      CREATE TABLE merchant_name_grams (
        gram        TEXT NOT NULL,
        merchant_id TEXT NOT NULL,
        PRIMARY KEY (gram, merchant_id)
      ) STRICT, WITHOUT ROWID;

      INSERT OR IGNORE INTO merchant_name_grams (gram, merchant_id)
        WITH RECURSIVE at(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM at WHERE i < 100)
        SELECT substr(m.name, at.i, 2), m.id FROM merchants m JOIN at ON at.i <= length(m.name);

      CREATE TRIGGER merchant_name_grams_insert AFTER INSERT ON merchants BEGIN
        ${addGramsOf('NEW.name', 'NEW.id')}
      END;
      CREATE TRIGGER merchant_name_grams_update AFTER UPDATE OF id, name ON merchants BEGIN
        ${dropGramsOf('OLD.name', 'OLD.id')}
        ${addGramsOf('NEW.name', 'NEW.id')}
      END;
      CREATE TRIGGER merchant_name_grams_delete AFTER DELETE ON merchants BEGIN
        ${dropGramsOf('OLD.name', 'OLD.id')}
      END;
    `);
  },
};
