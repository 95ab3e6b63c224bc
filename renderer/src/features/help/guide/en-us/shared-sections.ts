// Sections that several roles see alike (English). Each role's guide takes them from here and adds
// what is its own.
import { note, points, section, steps, text } from '../guide-types';

export const terminalEnUS = section(
  'Terminal',
  text('Connect a terminal here and read its identity, batch and parameters. The rebind itself runs on the On site page.'),
  steps(
    'Plug the terminal in by USB or RS-232; the list recognises common makers by their USB id. No terminal at hand? Choose "Demo terminal (built-in simulator)".',
    'No port listed? Choose "Refresh", or type it under "Enter a port path", e.g. /dev/ttyUSB0 or COM3.',
    'Pick the baud rate and choose "Connect". The port used last is selected for you.',
    '"Terminal" shows vendor, model, serial, firmware, TID and MID; "Read batch" shows the open count and total; "Read parameters" lists every parameter.',
  ),
  points('The "Link log" keeps every frame to and from the terminal to the millisecond; export it as text or JSONL for support.', 'While a rebind runs, it holds the line: no connecting, disconnecting or reading.'),
  note('When the page says the terminal has an unfinished rebind, choose "Open On site" and finish it or restore the old bank before anything else.'),
);

export const onsiteEnUS = section(
  'On site',
  text('Moves the terminal from its old acquiring bank to the new one: backup, settlement, the new parameters, checks, sign-on and tests in one run, rolled back by itself when something fails.'),
  steps(
    'Opened from Today, "This visit" and the work order check are filled in; you can also fill them by hand (depot use).',
    'Connect the terminal on the Terminal page.',
    'Choose the "New acquiring bank" template and fill the merchant values (TID, MID, merchant name, MCC), or choose "Read from the terminal". Correct any field marked in red.',
    'Check the expected serial number, TID and model. A terminal that does not match the work order stops the run; to go on anyway, tick "Go on despite a mismatch" and give a reason (it is audited).',
    'Choose "Start rebind". "Steps" shows each one: identify → back up → settle → stage → verify → commit → read back → sign-on → echo test → print test → confirm.',
    'Read the outcome banner: rebound, restored, needs attention or not started, with what is known and what to do next. The case is updated by itself.',
    'In "Test and verification checklist", choose "Start the checklist": automatic steps are filled from the rebind journal; answer the others one by one (a photo, the merchant\'s signature, …), each saved as it is given, a changed answer kept in its history. Once the required steps are done, record the outcome (completed, restored, or failed with its cause); the appointment closes with it.',
  ),
  points(
    '"Cancel rebind" stops at the next safe point: before commit the staged set is dropped, after it the terminal is rolled back; the old set is read back either way.',
    'After an interruption (app closed, cable pulled, terminal restarted), the next connect shows "Unfinished operations": choose "Finish it" or "Restore the old bank". The terminal\'s real state decides, not a guess.',
    '"Demo terminal controls (training)" work on the demo terminal only: make the bank host unreachable, lock the terminal or add sales to practise what goes wrong.',
  ),
  note('The test checklist and the merchant\'s signature after the rebind are being added to this page; until then, use the paper checklist.'),
);

export const merchantsEnUS = section(
  'Merchants',
  text('Register and find merchants and their terminals.'),
  steps(
    'Type part of a merchant name, or the start of a USCC, TID, MID or serial number, and choose "Search".',
    'Choose "New merchant" and fill in the merchant and the settlement account. Each field says at once what is wrong; the receipt short name counts bytes, at most 40.',
    'In the merchant, choose "Add a terminal": pick the model and enter the serial number, TID, MID and current acquirer.',
    'Choose "Edit" to change a record; leave the ID and account numbers empty to keep the stored ones.',
  ),
  note('The legal representative\'s ID number and the account number show only their last 4. "Reveal" shows the whole number, and every reveal is recorded in the audit log.'),
);

export const casesEnUS = section(
  'Rebinding cases',
  text('Each rebinding request is a case. Search the list by merchant name, USCC, TID, MID or serial, and filter it by state, target bank, engineer and the day it was opened.'),
  steps(
    'Choose "New case".',
    '"1. Find the terminal": type a serial, TID, MID or merchant name and choose "Find". Not found? Register it on the Merchants page first.',
    '"2. Choose the target bank": compare the banks side by side (model support, fees, areas served, extra materials, past days to rebound) and choose "Choose and open".',
    'Choose a row in the list to open the case.',
  ),
  note('A terminal has at most one open case at a time.'),
);

export const caseEnUS = section(
  'Case',
  text('A case goes from draft step by step to rebound and closed. The page shows only what its state and your role allow.'),
  steps(
    'Materials: "Mark received" when one arrives, "Attach" the scan (PDF, JPEG or PNG, judged by content), and "Verify" it once checked.',
    'With every required material verified, choose "Complete materials", then "Submit for review".',
    'Review: "Approve" once every material checks out; "Reject" says what to fix and returns the case to draft.',
    'Agreement: give the signing date and the signatory, choose the signed document and "Record the agreement".',
    'When the booking gate is green, choose "Book on the calendar". Until then the page lists every reason.',
    'After the visit, the rebind\'s outcome moves the case itself: rebound, or failed with its reason and bookable again. The desk closes a rebound case.',
  ),
  points('The "Timeline" says who did each step and when.', 'Rejecting, cancelling an appointment and cancelling a case each need a reason (at least 4 characters).', 'If someone changed the case meanwhile, the page loads the newest version; make your change again.'),
);

export const calendarEnUS = section(
  'Calendar',
  text('Appointments per engineer by day, week and month; book, move and cancel them here.'),
  steps(
    'On the case, choose "Book on the calendar": the calendar opens with the case\'s booking panel.',
    'Pick the length, choose "Find free slots" and "Book" one of the proposed slots (earliest first), or select a time range in an engineer\'s column.',
    'Confirm it. A clash with the engineer\'s other visits, a closed bank window or a missing condition is refused with every reason and the appointment in the way.',
  ),
  points(
    'Move: drag an appointment to another time or engineer, or its lower edge to change its length, and say why.',
    'Cancel: click the appointment, choose "Cancel the appointment" and say why.',
    'Above the grid choose the zone shown, the area and the vendor; a booking is recorded in the target bank\'s zone.',
    'In the week and month, an engineer\'s day of more than 2 visits is one box; click it to open the day.',
    'Solid is confirmed, hatched is tentative.',
  ),
);

export const personalSettingsEnUS = section(
  'Settings',
  text('Each operator\'s language and theme are their own and change no one else\'s screen.'),
  points(
    '"Appearance and language": 简体中文 or English; light, dark or follow the system.',
    '"My account": change your password; "Set up two-factor sign-in" shows a QR code for the authenticator app on your phone, then 10 one-use recovery codes to keep safe.',
    'The screen locks after some idle minutes; your password unlocks it.',
    '"About" shows the app version and the data directory.',
  ),
);

/** The Reports page (desk leads and admins). */
export const reportsEnUS = section(
  'Reports',
  text('How visits end, for desk leads and admins: an admin makes a desk operator a lead on Operators.'),
  steps(
    'Choose the period (first and last day) and press Show. Up to a month is shown by day, up to half a year by week, longer by month.',
    'Read each chart with its numbers in the table beside it: outcomes over time, first-time fix and the average time on site, failures by cause, bank, engineer and terminal model.',
    'Export CSV writes the same tables to a file that Excel and WPS open with the Chinese intact.',
  ),
  note('First-time fix: of the cases whose first visit ended in the period, those rebound on that visit and never failed afterwards. The new-case dialog uses the same rule.'),
);
