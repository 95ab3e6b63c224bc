// Training mode for every role (English): the common part, and each role's own steps.
import { note, points, section, steps, text, type GuideSection } from '../guide-types';

const common = [
  text('Training mode practises a whole visit on training data of its own: the case, the booking, the rebind on the demo terminal, the checklist and the service report. Training data is kept in the training/ folder of the data directory; it never appears among real cases, in reports or in sync, and backups leave it out.'),
  points(
    'Choose "Training mode" at the top right to enter. From then on every page shows the yellow "Training mode" banner at its top, and the header shows a "Training mode" tag.',
    'Training is per window: signing out, closing the window or a restart brings the window back in real mode. Entering and leaving are recorded in the real audit log.',
    'Only the "Demo terminal" can be connected in training; a real terminal that is plugged in is not listed, and any other port is refused.',
    'Backups, operators, data keys and CSV import and export are not available in training: leave training mode first.',
  ),
];
const finish = [
  steps('When you are done, choose "Leave training mode" on the banner. While a rebind runs you cannot leave: wait for it to end, or cancel it on the On site page.', 'To practise again, choose "Reset training data": all training data is thrown away and a new training case is prepared, ready to book (not while another window is in training).'),
  note('Training data is for practice only: in real mode no training case, appointment or report can be found, and a training report is never verified as genuine in real mode.'),
];

export const trainingDeskEnUS: GuideSection = section(
  'Training mode',
  ...common,
  steps('Once in, choose "Open the training case" on the banner: a case prepared for the demo terminal, its materials verified, approved, its agreement signed.', 'Choose "Book on the calendar" and book an engineer today (in the training data the bank and the engineers take visits every day 08:00–20:00).', 'Ask the engineer to enter training mode in their own window and open the visit on Today.'),
  ...finish,
);

export const trainingEngineerEnUS: GuideSection = section(
  'Training mode',
  ...common,
  steps('Once in, open Today: the visit the desk booked for you in the training data is listed there.', 'On the Terminal page choose "Demo terminal" and connect.', 'Open the visit from Today, start the rebind on the On site page, then answer the checklist (a photo, the merchant\'s and your signature) and record the outcome.', 'Then produce the service report on the case page, as after a real visit.'),
  ...finish,
);

export const trainingAdminEnUS: GuideSection = section(
  'Training mode',
  ...common,
  steps('An admin can do the desk\'s part (open the training case and book it); an engineer does the visit in their own window.', 'Each engineer who enters training gets a booking profile in the training data (every day 08:00–20:00, PAX terminals, area 310115).'),
  ...finish,
);
