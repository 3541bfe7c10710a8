export * from './closure.module';
export * from './closure.service';
export * from './closure.exception';
