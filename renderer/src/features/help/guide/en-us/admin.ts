// The admin's operating guide (English): a section per page, keyed by its route name. The desk's
// and the engineer's pages keep their sections.
import { note, points, section, steps, text, type RoleGuide } from '../guide-types';
import { calendarEnUS, caseEnUS, casesEnUS, merchantsEnUS, onsiteEnUS, personalSettingsEnUS, terminalEnUS, reportsEnUS } from './shared-sections';
import { todayEnUS } from './engineer';
import { trainingAdminEnUS } from './training';

export const adminGuideEnUS: RoleGuide = {
  overview: section(
    'The admin: keeping the desk running',
    text('Admins add operators, set the security policy, keep the reference data, back up and check the audit log; they can also do all of the desk\'s and the engineers\' work.'),
    steps(
      'First use: load the samples on Reference data and check them.',
      'On Operators, add an account for each colleague with their role: desk, on-site engineer or admin.',
      'In Settings, set the security policy, fill in the "Support contact" and back up regularly.',
    ),
    note('At the top of this guide you can switch to the desk\'s or the engineer\'s guide to see what they read. Press F1 or choose "Help" at the top right at any time.'),
  ),
  training: trainingAdminEnUS,
  terminal: terminalEnUS,
  today: { ...todayEnUS, blocks: [...todayEnUS.blocks, note('This page lists the appointments of someone with an engineer profile; an admin without one is told so.')] },
  onsite: onsiteEnUS,
  reference: section(
    'Reference data',
    text('Acquiring banks, terminal models, model and bank compatibility and engineer profiles: what cases and bookings are checked against.'),
    steps(
      'On a new install, choose "Load the samples" to load the banks, models and compatibility the app ships.',
      'Check each tab: the banks\' time zone, rebinding windows, parameter template, required materials and how long they stay valid, fees, areas and notices; the models\' USB ids; compatibility (supported, not, or from a firmware version); the engineers\' vendor skills, areas, hours and absences.',
    ),
    note('Without engineer profiles the calendar has nobody to book and Today lists no appointments.'),
  ),
  merchants: merchantsEnUS,
  cases: casesEnUS,
  case: caseEnUS,
  calendar: calendarEnUS,
  reports: reportsEnUS,
  'checklist-templates': section(
    'Checklist templates',
    text('One on-site test and verification checklist per bank, kept by version.'),
    steps(
      'Choose a bank on the left; its newest version opens on the right, with every version, where it came from and who saved it.',
      'Edit the steps: kind (automatic, tick, number, choice, text, photo or file, signature), the label in Chinese and English, required or not, and a number\'s range, a choice\'s options, the file types.',
      'Choose "Save as a new version". A checklist already started keeps the version it started with; new ones use the newest.',
    ),
    note('Automatic steps are filled from the rebind journal; they cannot be answered by hand.'),
  ),
  import: section(
    'Import and export',
    text('Merchants and terminals in and out as CSV files.'),
    steps(
      '"Import from a CSV file": choose the records (merchants or terminals) and "Choose a CSV file…". Headers may be Chinese or English, in any order; the encoding (UTF-8 or GBK/GB18030) is detected and can be switched.',
      'Read the preview and the problems, each by row and column. A file with any bad row imports nothing: correct it in the spreadsheet and choose it again.',
      'With no problems, choose "Import".',
      '"Export to a CSV file": choose the records and the encoding (UTF-8 with BOM, or GBK for older spreadsheet programs) and "Export…".',
    ),
    note('"Include the full ID and account numbers" asks once more and is recorded in the audit log; keep the file safe and delete it when done.'),
  ),
  operators: section(
    'Operators',
    text('Add and manage the accounts that may sign in on this computer.'),
    steps(
      'Under "Add operator", enter the username and display name, pick the role and choose "Add".',
      'Give the person the temporary password on screen (copy or print it). It is shown this once, works for one sign-in within 72 hours, and must be changed then.',
    ),
    points(
      'A role change takes effect at once, and so do the pages it opens.',
      '"Reset password" makes a new temporary password; "Unlock" lifts a lockout after failed attempts; "Reset two-factor" is for someone who lost their phone.',
      '"Disable" ends their sessions at once until they are enabled again.',
    ),
  ),
  audit: section(
    'Audit log',
    text('Every change is recorded in a tamper-evident audit log whose entries are chained by hashes.'),
    steps(
      'Choose "Verify hash chain": the answer says how far it checked and which backup\'s anchor it matches.',
      'Copy the "Current head" and keep it off this computer (paper, email, a ticket): it later shows entries removed or rewritten.',
      'Filter by actor, action and period; each entry has a readable summary, with the raw details on request.',
      '"Export CSV…" for the auditor; keep the last line, the chain head.',
    ),
  ),
  settings: section(
    'Settings',
    ...personalSettingsEnUS.blocks,
    points(
      '"Security": the idle lock minutes, the roles that must use two-factor sign-in, data key protection and rotation, and the "Command-line passphrase" for the depot\'s rebind command line.',
      '"Backup and restore": "Back up now" or "Back up to file…"; a restore first checks the backup and saves a safety copy of the current data.',
      '"Support contact": the desk support\'s name, phone, email and hours. Every operator\'s guide shows it; give a phone or an email at least, and clear every field to unset it.',
    ),
  ),
};
