export * from './case-viewer';
export * from './full-case';
export * from './case-fields';
