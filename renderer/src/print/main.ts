// The print view's entry (print.html). Only the two weights the documents use are bundled.
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
import './print-page.css';
import { PRINT_VIEW_GLOBAL } from '../../../shared/print/print-request';
import { createPrintView } from './print-view';

const root = document.getElementById('print');
if (!root) throw new Error('print.html has no #print element');
Object.defineProperty(window, PRINT_VIEW_GLOBAL, { value: createPrintView(root), writable: false, configurable: false });
