// The on-site engineer's operating guide (English): a section per page, keyed by its route name.
import { note, points, section, steps, text, type RoleGuide } from '../guide-types';
import { onsiteEnUS, personalSettingsEnUS, terminalEnUS } from './shared-sections';
import { trainingEngineerEnUS } from './training';

export const todayEnUS = section(
  'Today',
  text('Your appointments of the day, in your own time zone (shown with its UTC offset).'),
  steps(
    'Move between days with "‹ Previous day", "Today" and "Next day ›".',
    'Each appointment shows the time, the receipt short name and address, serial, TID, model, target bank and case state; "Tentative (booked offline)" is not confirmed by the desk yet.',
    'On site, choose "Open in On-site": the On site page is filled with the template, the merchant values and the work order check.',
    'Connect the terminal, enter the MCC and start.',
  ),
);

export const engineerGuideEnUS: RoleGuide = {
  overview: section(
    'The on-site engineer\'s day',
    text('Engineers rebind terminals at the merchant\'s with a laptop plugged into the terminal. It works without a network; everything is kept on the laptop.'),
    steps(
      'On Today, see the day\'s appointments and open the one at hand.',
      'On Terminal, connect the terminal by USB or RS-232.',
      'On On site, check the work order, choose "Start rebind" and wait for the outcome.',
      'The outcome updates the case by itself; the desk then closes it or books another visit.',
    ),
    note('Press F1 or choose "Help" at the top right at any time: this guide opens at the page you are on. For anything else, call the support contact below.'),
  ),
  training: trainingEngineerEnUS,
  terminal: terminalEnUS,
  today: todayEnUS,
  onsite: onsiteEnUS,
  merchants: section(
    'Merchants',
    text('Find merchants and terminals and read the receipt short name, model, serial, TID and MID to check on site.'),
    points('Search by merchant name, USCC, TID, MID or serial.', 'The desk creates and changes records; tell the desk when something is wrong.'),
  ),
  cases: section(
    'Rebinding cases',
    text('Only the cases you have an appointment for, searchable and filtered like the desk\'s list.'),
    points('Choose a row to open the case.', 'The desk moves cases along (materials, review, agreement, booking).'),
  ),
  case: section(
    'Case',
    text('The terminal, the banks, the materials and the timeline, to know what awaits you before the visit.'),
    points('"Start on site", "Record rebound" and "Record failure" follow from the On site outcome by themselves; nothing to do here.', 'A failure\'s reason goes into the timeline, and the desk books another visit from it.'),
  ),
  calendar: section(
    'Calendar',
    text('Every engineer\'s appointments by day, week and month; the desk books, moves and cancels them.'),
    points('Click an appointment for the merchant, the time, the zone it was booked in and the case state.', 'Above the grid choose the zone shown and filter by area and vendor.'),
  ),
  settings: personalSettingsEnUS,
};
