// Training mode's channels (electron/main/training/). Every role may train: desk staff book the
// training case, engineers rebind the demo terminal, admins show both and reset the data.
import { z } from 'zod';
import { roles } from '../auth/roles';
import { trainingStatusSchema } from '../training/training';

const noInput = z.strictObject({});

export const trainingContract = {
  'training:status': { input: noInput, output: trainingStatusSchema, roles: 'signed-in' },
  'training:enter': { input: noInput, output: trainingStatusSchema, roles },
  'training:leave': { input: noInput, output: trainingStatusSchema, roles },
  'training:reset': { input: noInput, output: trainingStatusSchema, roles },
} as const;
