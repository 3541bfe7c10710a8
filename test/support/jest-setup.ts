// Integration and end-to-end suites talk to real PostgreSQL and Redis; some wait for timers.
jest.setTimeout(60_000);
