// The service report's shared model (issue 11 point 3): content, canonical form, issued reports, verify results.
export * from './service-report';
export * from './report-canonical';
export * from './report-pdf-title';
export * from './report-record';
export * from './report-audit';
