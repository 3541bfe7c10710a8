// eslint-disable-next-line @typescript-eslint/no-require-imports
const services = require('../../scripts/services.js');

export interface PrivateRedis {
  url: string;
  port: number;
  /** Stops it (SIGTERM) and waits for it to exit; nothing if it has already. */
  stop: () => Promise<void>;
}

/** A redis-server of the suite's own, on a free port or the one given (never the machine's shared one: a suite may flush or pause it). */
export async function startPrivateRedis(port?: number): Promise<PrivateRedis> {
  const started: { url: string; port: number; stop: () => void; child: { exitCode: number | null; once: (e: string, f: () => void) => void } } | null =
    await services.startRedisServer(port);
  if (!started) throw new Error('no redis-server on PATH');
  const stop = async () => {
    if (started.child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => started.child.once('exit', () => resolve()));
    started.stop();
    await exited;
  };
  return { url: started.url, port: started.port, stop };
}
