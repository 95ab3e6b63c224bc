import type { Migration } from '../migration';

/**
 * Desk leads (issue 11 point 4, docs/reports.md#roles): a flag an admin sets on a desk operator,
 * who then also reads the Reports page. Not a fourth role: every table of roles (channels, the case
 * states, the security policy, the guides) stays as it is. Every operator starts as no lead; the
 * flag is only ever set on a desk operator (the CHECK holds it whatever the app does), and a role
 * change away from desk clears it in the same update.
 */
export const migration0018: Migration = {
  version: 18,
  name: 'desk-lead',
  up(db) {
    db.exec(`
      ALTER TABLE operators ADD COLUMN desk_lead INTEGER NOT NULL DEFAULT 0 CHECK (desk_lead IN (0, 1) AND (desk_lead = 0 OR role = 'desk'));
    `);
  },
};
