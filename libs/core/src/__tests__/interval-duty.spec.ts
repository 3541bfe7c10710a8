import { everyInterval } from '../database/background-refresh';

describe('everyInterval (a worker duty on an interval)', () => {
  it('runs one at a time: a call during a run joins it, a call after it starts another', async () => {
    let runs = 0;
    let release!: () => void;
    const duty = everyInterval('test', 60_000, 'failed', () => { runs += 1; return new Promise<void>((r) => { release = r; }); });
    const first = duty.now();
    const joined = duty.now();
    expect(runs).toBe(1);
    release();
    await Promise.all([first, joined]);
    const next = duty.now();
    expect(runs).toBe(2);
    release();
    await next;
    await duty.stop();
  });

  it('keeps going after a failed run', async () => {
    let runs = 0;
    const duty = everyInterval('test', 60_000, 'failed', async () => { runs += 1; if (runs === 1) throw new Error('database away'); });
    await expect(duty.now()).resolves.toBeUndefined();
    await duty.now();
    expect(runs).toBe(2);
    await duty.stop();
  });
});
