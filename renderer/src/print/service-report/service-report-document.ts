import type { PrintDocument } from '../print-documents';
import type { ServiceReportPrint } from '../../../../shared/print/print-request';
import { reportPdfTitle } from '../../../../shared/report/report-pdf-title';
import ServiceReport from './ServiceReport.vue';
import { shrinkImage } from './shrink-image';

/** The service report in the print view. */
export const serviceReportDocument: PrintDocument<ServiceReportPrint> = {
  component: ServiceReport,
  // The PDF's Title names the report and its fingerprint in ASCII: verify reads it from a copy whose bytes were altered.
  title: (request) => reportPdfTitle(request.content, request.fingerprint),
  // Every page names its report and the fingerprint's start, so a loose page can be matched to it.
  footer: (request) => `${request.content.reportNumber} · SHA-256 ${request.fingerprint.slice(0, 16)}…`,
  async prepare(request) {
    const evidenceThumbnails = await Promise.all(
      request.evidenceThumbnails.map(async (thumbnail) => ({ ...thumbnail, dataUrl: thumbnail.dataUrl === null ? null : await shrinkImage(thumbnail.dataUrl) })),
    );
    return { ...request, evidenceThumbnails };
  },
};
