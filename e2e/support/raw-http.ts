// Deliveries over Node's own http client, for what a browser-grade client will not send: slow
// bodies, bodies cut off mid-way, chunked bodies and a Content-Length that lies.
import http from 'node:http';
import net from 'node:net';
import type { Transport } from '../fixtures/hostile-corpus';

export type Delivered = { status: number | null; text: string; headers: http.IncomingHttpHeaders };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Options = {
  port: number;
  path: string;
  method: string;
  headers: Record<string, string>;
  body: Buffer;
  transport?: Transport;
  timeoutMs?: number;
};

/** The first HTTP/1.1 response in `data`, once it is complete (Content-Length or chunked), else null. */
function firstResponse(data: Buffer): Delivered | null {
  const end = data.indexOf('\r\n\r\n');
  if (end === -1) return null;
  const [statusLine, ...lines] = data.subarray(0, end).toString('latin1').split('\r\n');
  const headers: http.IncomingHttpHeaders = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const status = Number(statusLine!.split(' ')[1]);
  let rest = data.subarray(end + 4);
  if (headers['content-length'] !== undefined) {
    const length = Number(headers['content-length']);
    return rest.length < length ? null : { status, headers, text: rest.subarray(0, length).toString('utf8') };
  }
  if (headers['transfer-encoding'] !== 'chunked') return { status, headers, text: rest.toString('utf8') };
  const chunks: Buffer[] = [];
  for (;;) {
    const lineEnd = rest.indexOf('\r\n');
    if (lineEnd === -1) return null;
    const size = parseInt(rest.subarray(0, lineEnd).toString('latin1'), 16);
    if (rest.length < lineEnd + 2 + size + 2) return null;
    if (size === 0) return { status, headers, text: Buffer.concat(chunks).toString('utf8') };
    chunks.push(rest.subarray(lineEnd + 2, lineEnd + 2 + size));
    rest = rest.subarray(lineEnd + 2 + size + 2);
  }
}

/**
 * Raw TCP, for a Content-Length that lies: Node's client would add `Connection: close`, after
 * which the server treats any further bytes as a broken request instead of the next one.
 */
function deliverOverTcp(options: Options, contentLength: number): Promise<Delivered> {
  return new Promise<Delivered>((resolve, reject) => {
    const head = [
      `${options.method} ${options.path} HTTP/1.1`,
      `Host: 127.0.0.1:${options.port}`,
      ...Object.entries(options.headers).map(([name, value]) => `${name}: ${value}`),
      `Content-Length: ${contentLength}`,
      '',
      '',
    ].join('\r\n');
    let received = Buffer.alloc(0);
    const socket = net.connect(options.port, '127.0.0.1', () =>
      socket.write(Buffer.concat([Buffer.from(head, 'latin1'), options.body])),
    );
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within ${options.timeoutMs ?? 20_000} ms`));
    }, options.timeoutMs ?? 20_000);
    socket.on('data', (data: Buffer) => {
      received = Buffer.concat([received, data]);
      const response = firstResponse(received);
      if (!response) return;
      clearTimeout(timer);
      socket.destroy();
      resolve(response);
    });
    socket.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

export function deliver(options: Options): Promise<Delivered> {
  if (options.transport?.kind === 'declared-length') return deliverOverTcp(options, options.transport.contentLength);
  return deliverOverHttp(options);
}

function deliverOverHttp(options: {
  port: number;
  path: string;
  method: string;
  headers: Record<string, string>;
  body: Buffer;
  transport?: Transport;
  timeoutMs?: number;
}): Promise<Delivered> {
  const transport = options.transport ?? { kind: 'whole' };
  const chunked =
    transport.kind === 'chunked' || ((transport.kind === 'dribble' || transport.kind === 'abort') && transport.chunked);
  const headers: Record<string, string> = { ...options.headers };
  if (chunked) headers['transfer-encoding'] = 'chunked';
  else
    headers['content-length'] = String(
      transport.kind === 'declared-length' ? transport.contentLength : options.body.length,
    );

  return new Promise<Delivered>((resolve, reject) => {
    let settled = false;
    const settle = (result: Delivered | Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      if (result instanceof Error) reject(result);
      else resolve(result);
    };
    const timer = setTimeout(
      () => settle(new Error(`no answer within ${options.timeoutMs ?? 20_000} ms`)),
      options.timeoutMs ?? 20_000,
    );
    const req = http.request(
      { host: '127.0.0.1', port: options.port, path: options.path, method: options.method, headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          settle({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8'), headers: res.headers }),
        );
        res.on('error', (error) => settle(error));
      },
    );
    // A server that answers early (401, 413) may close while we still write: the answer still counts.
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (aborting) return settle({ status: null, text: '', headers: {} });
      if (error.code === 'EPIPE' || error.code === 'ECONNRESET') return;
      settle(error);
    });
    let aborting = false;

    const write = (chunk: Buffer) => new Promise<void>((done) => (req.write(chunk) ? done() : req.once('drain', done)));
    const body = options.body;
    (async () => {
      switch (transport.kind) {
        case 'whole':
          req.end(body);
          break;
        case 'declared-length':
          throw new Error('declared-length goes over raw TCP');
        case 'chunked':
          for (let offset = 0; offset < body.length && !settled; offset += transport.chunkBytes) {
            await write(body.subarray(offset, offset + transport.chunkBytes));
          }
          req.end();
          break;
        case 'dribble': {
          const size = Math.ceil(body.length / transport.chunks);
          for (let offset = 0; offset < body.length && !settled; offset += size) {
            await write(body.subarray(offset, offset + size));
            await sleep(transport.overMs / transport.chunks);
          }
          if (!settled) req.end();
          break;
        }
        case 'abort': {
          const stop = transport.afterBytes < 0 ? body.length + transport.afterBytes : transport.afterBytes;
          await write(body.subarray(0, stop));
          await sleep(300);
          aborting = true;
          req.destroy();
          // No answer can come now; give the server a moment to notice the hang-up.
          await sleep(200);
          settle({ status: null, text: '', headers: {} });
          break;
        }
      }
    })().catch((error: Error) => settle(error));
  });
}
