export * from './follow-up.module';
export * from './follow-up.service';
export * from './follow-up.exception';
