export * from './reports.module';
export * from './reports-worker.module';
export * from './reports-refresh.loop';
export * from './report.types';
