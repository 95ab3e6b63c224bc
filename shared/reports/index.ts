export * from './first-time-fix';
export * from './service-report';
export * from './report-buckets';

export * from './compliance-report';
