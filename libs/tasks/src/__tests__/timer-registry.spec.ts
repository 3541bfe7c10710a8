import { TimerRegistry } from '../timers/timer-registry';
import { timerJobId } from '../timers/timer.types';

describe('TimerRegistry', () => {
  it('accepts exactly one handler per timer kind', () => {
    const registry = new TimerRegistry();
    registry.register('task_due', async () => undefined);
    expect(() => registry.register('task_due', async () => undefined)).toThrow(/already has a handler/);
    expect(registry.kinds()).toEqual(['task_due']);
  });

  it('fails the start-up check when a scheduled kind has no handler', () => {
    const registry = new TimerRegistry();
    registry.register('task_due', async () => undefined);
    expect(() => registry.assertHandles(['task_due'])).not.toThrow();
    expect(() => registry.assertHandles(['task_due', 'visa_expiry'])).toThrow(/visa_expiry/);
  });
});

describe('timerJobId', () => {
  it('is deterministic per timer and fire time, without the characters BullMQ reserves', () => {
    expect(timerJobId('task_due:abc', 1000)).toBe('task_due.abc@1000');
    expect(timerJobId('task_due:abc', 1000)).toBe(timerJobId('task_due:abc', 1000));
    expect(timerJobId('task_due:abc', 2000)).not.toBe(timerJobId('task_due:abc', 1000));
  });
});
