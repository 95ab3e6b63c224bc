// Run by checklist-crash.test.ts as its own OS process on the app's database file: answers the
// checklist's steps one after another through the run service, as the app does, and prints one JSON
// line per answer once the call has returned (the answer is committed). Paced: after each line it
// waits for a line on stdin before the next answer, so the parent's SIGKILL falls between answers.
import { createInterface } from 'node:readline';
import { openAppDatabase } from '../../../electron/main/db/open-database';
import { migrations } from '../../../electron/main/db/migrations';
import { createChecklistModule } from '../../../electron/main/checklist/checklist-module';
import type { ManualAnswerValue } from '../../../shared/checklist';

interface Job {
  dbPath: string;
  dataDir: string;
  runId: string;
  actor: { operatorId: number; username: string; role: 'admin' };
  answers: { stepId: string; value: ManualAnswerValue }[];
  paced: boolean;
}

const job = JSON.parse(process.argv[2]!) as Job;
const { db } = openAppDatabase(job.dbPath, { migrations });
const checklist = createChecklistModule({ connection: () => db, now: () => new Date(), logError: () => {}, dataDir: job.dataDir, templatesDir: '', seedTemplates: false });
const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();

for (const [index, { stepId, value }] of job.answers.entries()) {
  const { step } = checklist.runs.answer(job.actor, job.runId, stepId, value);
  process.stdout.write(`${JSON.stringify({ index, stepId, answerId: step.current!.id })}\n`);
  if (job.paced) await lines.next();
}
db.close();
process.exit(0);
