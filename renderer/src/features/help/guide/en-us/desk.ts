// The desk's operating guide (English): a section per page, keyed by its route name.
import { note, section, steps, text, type RoleGuide } from '../guide-types';
import { calendarEnUS, caseEnUS, casesEnUS, merchantsEnUS, personalSettingsEnUS, reportsEnUS } from './shared-sections';
import { trainingDeskEnUS } from './training';

export const deskGuideEnUS: RoleGuide = {
  overview: section(
    'The desk: from request to visit',
    text('The desk collects the merchant\'s materials, checks the bank\'s rules, moves the case along and books the visit. A rebind usually goes like this:'),
    steps(
      'Register the merchant and the terminal on Merchants.',
      'Open a case on Rebinding cases and choose the target bank.',
      'On the case, collect and verify the materials, submit for review, and record the agreement once approved.',
      'Book an engineer\'s visit on the Calendar.',
      'Once the engineer has rebound the terminal, the case is "Rebound"; you close it.',
    ),
    note('Press F1 or choose "Help" at the top right at any time: this guide opens at the page you are on. For anything else, call the support contact below.'),
  ),
  training: trainingDeskEnUS,
  merchants: merchantsEnUS,
  cases: casesEnUS,
  case: caseEnUS,
  calendar: calendarEnUS,
  reports: reportsEnUS,
  settings: personalSettingsEnUS,
};
