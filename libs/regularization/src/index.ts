export * from './regularization.module';
export * from './regularization.service';
