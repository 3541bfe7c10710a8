export * from './case-viewer';
export * from './full-case';
export * from './case-fields';
export * from './case-policy';
export * from './timeline-policy';
