import http from 'node:http';

export type Reply = { status: number; headers: http.IncomingHttpHeaders; text: string; ms: number };
export type Failure = { status: 'timeout' | 'network'; message: string; ms: number };

export type RawRequest = {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  // Buffers go out byte for byte (invalid UTF-8 included); several chunks without a
  // Content-Length header go out chunked.
  body?: Buffer | string | Buffer[];
  timeoutMs?: number;
};

// node:http rather than fetch: it sends any bytes and any Content-Type as given, and keeps
// exactly `maxSockets` keep-alive connections, which is what "N concurrent clients" means here.
export function httpClient(baseUrl: string, maxSockets = 64) {
  const agent = new http.Agent({ keepAlive: true, maxSockets });
  const { hostname, port } = new URL(baseUrl);
  const send = (req: RawRequest): Promise<Reply | Failure> =>
    new Promise((resolve) => {
      const started = performance.now();
      const ms = () => performance.now() - started;
      const chunks = Array.isArray(req.body) ? req.body : req.body === undefined ? [] : [Buffer.from(req.body)];
      const headers = { ...req.headers };
      if (!Array.isArray(req.body) && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-length')) {
        headers['content-length'] = String(chunks[0]?.length ?? 0);
      }
      const onResponse = (res: http.IncomingMessage) => {
        const parts: Buffer[] = [];
        res.on('data', (c: Buffer) => parts.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: Buffer.concat(parts).toString('utf8'),
            ms: ms(),
          }),
        );
        res.on('error', (err) => resolve({ status: 'network', message: err.message, ms: ms() }));
      };
      let outgoing: http.ClientRequest;
      try {
        // the path goes out as given (a URL object would re-encode it), so hostile query strings arrive intact
        outgoing = http.request(
          { hostname, port, path: req.path, method: req.method ?? 'POST', agent, headers },
          onResponse,
        );
      } catch (err) {
        // node:http refuses some paths and headers outright (spaces, control characters)
        resolve({ status: 'network', message: `not sent: ${(err as Error).message}`, ms: ms() });
        return;
      }
      outgoing.setTimeout(req.timeoutMs ?? 15_000, () => {
        resolve({ status: 'timeout', message: `no answer within ${req.timeoutMs ?? 15_000} ms`, ms: ms() });
        outgoing.destroy();
      });
      outgoing.on('error', (err) => resolve({ status: 'network', message: err.message, ms: ms() }));
      for (const c of chunks) outgoing.write(c);
      outgoing.end();
    });
  const postJson = (path: string, value: unknown, timeoutMs?: number) =>
    send({ path, body: JSON.stringify(value), headers: { 'content-type': 'application/json' }, timeoutMs });
  return { send, postJson, close: () => agent.destroy() };
}

export type HttpClient = ReturnType<typeof httpClient>;

export const isReply = (r: Reply | Failure): r is Reply => typeof r.status === 'number';
