import { byLanguage } from '../i18n/text-table';

// Texts every printed document shares, each as [zh-CN, en-US]. The page number sits in the page
// margin (print-page-rules.ts), where {page} and {pages} become CSS counters.
export const printTexts = byLanguage({
  page: ['第 {page} 页，共 {pages} 页', 'Page {page} of {pages}'],
  none: ['—', '—'],
  yes: ['是', 'yes'],
  no: ['否', 'no'],
});
