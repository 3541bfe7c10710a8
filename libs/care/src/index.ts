export * from './care.module';
export * from './care-plan.service';
export * from './attachment.service';
export * from './care.exception';
