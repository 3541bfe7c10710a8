export * from './case-analysis.module';
export * from './review.service';
export * from './case-analysis.exception';
