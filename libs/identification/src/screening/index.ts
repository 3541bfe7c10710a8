export * from './screening.types';
export * from './screening-input.error';
export * from './screening.engine';
export * from './indicator-catalog.v1';
