export * from './audit.module';
export * from './audit-worker.module';
export * from './audit.service';
export * from './audit.types';
export * from './chain/audit-chain';
export * from './chain/audit-head.store';
export * from './chain/audit-sealer.service';
export * from './chain/audit-verifier.service';
