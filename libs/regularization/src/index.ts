export * from './regularization.module';
export * from './regularization.service';
export * from './regularization.exception';
export * from './visa.service';
