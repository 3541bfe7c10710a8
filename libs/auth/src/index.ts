export * from './auth.module';
export * from './auth.service';
export * from './users.service';
export * from './password.service';
export * from './access.guard';
export * from './auth.exception';
