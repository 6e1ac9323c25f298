// The production server (`next start`, after `npm run build`) on a database of the test's own,
// started and stopped the way an orchestrator would: SIGTERM for a stop, SIGKILL for a crash.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { E2E_INTAKE_KEY } from '@/playwright.config';

const root = path.resolve(__dirname, '../..');
const nextBin = createRequire(path.join(root, 'package.json')).resolve('next/dist/bin/next');

export const INTAKE_KEY = E2E_INTAKE_KEY;

export type Exit = { code: number | null; signal: NodeJS.Signals | null };

export type ProdServer = {
  baseUrl: string;
  pid: number;
  databasePath: string;
  /** Everything the server wrote to stdout and stderr so far. */
  output(): string;
  exited: Promise<Exit>;
  /** Sends `signal` and waits for the process to end (SIGKILL after `timeoutMs`). */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<Exit & { ms: number }>;
};

const live = new Set<ChildProcess>();
// A runner that dies must not leave servers behind on the shared ports.
process.on('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

/** True when `.next` holds a production build (`next start` refuses to run without one). */
export const hasProductionBuild = () => fs.existsSync(path.join(root, '.next', 'BUILD_ID'));

export async function startProdServer(options: {
  port: number;
  databasePath: string;
  env?: Record<string, string>;
  /** Flags for node itself, e.g. `--cpu-prof` to profile the server. */
  nodeArgs?: string[];
  readyTimeoutMs?: number;
}): Promise<ProdServer> {
  const { port, databasePath } = options;
  const baseUrl = `http://127.0.0.1:${port}`;
  fs.mkdirSync(path.dirname(databasePath), { recursive: true });
  // The server's stdout and stderr, after whatever earlier servers on this database wrote.
  const logPath = `${databasePath}.server.log`;
  const logFd = fs.openSync(logPath, 'a');
  const logStart = fs.fstatSync(logFd).size;
  const child = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), nextBin, 'start', '-H', '127.0.0.1', '-p', String(port)],
    {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        DATABASE_PATH: databasePath,
        INTAKE_KEY,
        NEXT_TELEMETRY_DISABLED: '1',
        PUBLIC_URL: '',
        ...options.env,
      },
      // Straight into the log file, as a process manager that appends a service's output to a file:
      // this process (which also runs the load generator in the benchmark) never relays a line.
      stdio: ['ignore', logFd, logFd],
    },
  );
  fs.closeSync(logFd);
  live.add(child);
  const output = () => {
    const fd = fs.openSync(logPath, 'r');
    try {
      const length = fs.fstatSync(fd).size - logStart;
      const buffer = Buffer.alloc(Math.max(0, length));
      const read = fs.readSync(fd, buffer, 0, buffer.length, logStart);
      return buffer.toString('utf8', 0, read);
    } finally {
      fs.closeSync(fd);
    }
  };
  const exited = new Promise<Exit>((resolve) => {
    child.once('exit', (code, signal) => {
      live.delete(child);
      resolve({ code, signal });
    });
  });
  let hasExited = false;
  void exited.then(() => (hasExited = true));

  const server: ProdServer = {
    baseUrl,
    pid: child.pid ?? -1,
    databasePath,
    output,
    exited,
    async stop(signal = 'SIGTERM', timeoutMs = 30_000) {
      const started = performance.now();
      if (!hasExited) child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      const exit = await exited;
      clearTimeout(timer);
      return { ...exit, ms: Math.round(performance.now() - started) };
    },
  };

  // Ready when the health check answers and the server marker names this process (so a
  // stranger's server on the same port is never mistaken for ours).
  const deadline = Date.now() + (options.readyTimeoutMs ?? 60_000);
  while (Date.now() < deadline) {
    if (hasExited) throw new Error(`the server exited before it was ready:\n${output()}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2000) });
      await response.arrayBuffer();
      if (response.ok && markerPid(databasePath) === child.pid) return server;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await server.stop('SIGKILL');
  throw new Error(`the server was not ready in time:\n${output()}`);
}

function markerPid(databasePath: string): number | null {
  try {
    return (JSON.parse(fs.readFileSync(`${databasePath}.server`, 'utf8')) as { pid: number }).pid;
  } catch {
    return null;
  }
}
