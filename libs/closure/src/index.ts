export * from './closure.module';
export * from './closure.service';
