// What training needs from the modules composed over the training file (main-context.ts composes
// them; this folder never imports a module). A workspace is opened when a window first enters
// training and closed when the training data is reset or the app shuts down.
import type Database from 'better-sqlite3';
import type { ChannelHandlers } from '../ipc/router';

/** The feature modules over the training file. */
export interface TrainingWorkspace {
  /** The training side's handlers (desk, terminal, rebind, checklist, reveal, the training audit chain). */
  handlers: Partial<ChannelHandlers>;
  /** The training file's connection, for the seed's and the people copy's repository. */
  connection: () => Database.Database;
  /** True while a rebind runs on the training terminal. */
  busy(): boolean;
  /** Resolves when no rebind runs on the training terminal. */
  idle(): Promise<void>;
  /** Closes the training terminal and the training file. */
  close(): Promise<void>;
}

/** Opens the training file (creating and migrating it when absent) and composes the modules over it. */
export type OpenTrainingWorkspace = () => TrainingWorkspace;
