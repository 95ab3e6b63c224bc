// A visit signed off on the demo terminal, ready for its service report: the checklist rig's booked
// visit, the real rebind, every step answered, the outcome completed. And a stand-in printer for
// the tests that are about the report's data and trust rather than its pages: it writes a small
// PDF that carries the report's Title and the canonical content, so different content gives
// different bytes, as a real printer's would. The Chromium printer's own tests print real pages.
import type { RunView } from '../../../shared/checklist';
import { canonicalReportText } from '../../../shared/report/report-canonical';
import { reportPdfTitle } from '../../../shared/report/report-pdf-title';
import type { ReportPrinter, ReportPrintInput } from '../../../electron/main/report/report-printer';
import type { MainContextOptions } from '../../../electron/main/main-context';
import { callAs } from '../support/main-context';
import { answerAllManual, bookedVisit, rebindOnDemo, type Visit } from '../checklist/checklist-rig';

/** A stand-in ReportPrinter (not Chromium): a one-page PDF skeleton with the Title the port requires. */
export function standInPrinter(): ReportPrinter & { printed: ReportPrintInput[] } {
  const printed: ReportPrintInput[] = [];
  return {
    printed,
    print: async (input) => {
      printed.push(input);
      const body = Buffer.from(canonicalReportText(input.content), 'utf8').toString('base64');
      const text = `%PDF-1.4\n1 0 obj\n<< /Title (${reportPdfTitle(input.content, input.fingerprint)}) /Lang (${input.language}) >>\nendobj\n2 0 obj\n<< /Length ${body.length} >>\nstream\n${body}\nendstream\nendobj\ntrailer\n<< /Info 1 0 R >>\n%%EOF\n`;
      return new Uint8Array(Buffer.from(text, 'latin1'));
    },
  };
}

/** A visit whose checklist is finished `completed` (the case closed by sign-off). */
export async function signedOffVisit(dataDir: string, extra: Partial<MainContextOptions>, engineers = 1): Promise<Visit & { runId: string }> {
  const visit = await bookedVisit(dataDir, engineers, extra);
  await rebindOnDemo(visit);
  const view = (await callAs(visit.desk.ctx, visit.engineer.window, 'checklist:run-start', { appointmentId: visit.appointmentId })) as RunView;
  await answerAllManual(visit, visit.engineer.window, view);
  const done = (await callAs(visit.desk.ctx, visit.engineer.window, 'checklist:finish', { runId: view.run.id, outcome: { kind: 'completed', note: '商户确认' } })) as { finished: boolean };
  if (!done.finished) throw new Error('the rig\'s visit did not finish');
  return { ...visit, runId: view.run.id };
}
