export * from './identification.module';
export * from './catalog.service';
export * from './screening';
