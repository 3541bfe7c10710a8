export { seedReferenceData, seedDemoUsers } from './seed';
export type { Argon2Params } from './seed';
export { DEMO_USERS } from './demo-users';
export type { DemoUser } from './demo-users';
