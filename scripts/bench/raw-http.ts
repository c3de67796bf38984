import net from 'node:net';

// A keep-alive HTTP/1.1 connection for the submission benchmark's load generator: each request is
// written as plain text and its answer read by the status line and Content-Length only. Node's
// http client spent 105–190 µs of CPU a request, a third of what the server spends, on the same two
// cores; this spends a fraction of that, so the generator takes less from the server it measures.
// One request at a time per connection; an answer without Content-Length fails the run.
export type RawConnection = { post: (path: string, body: string) => Promise<number>; close: () => void };

export async function connect(url: string): Promise<RawConnection> {
  const { host, hostname, port } = new URL(url);
  const socket = net.connect(Number(port || 80), hostname.replace(/^\[|\]$/g, '')); // an IPv6 host without brackets
  socket.setNoDelay(true);
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  let waiting: { resolve: (status: number) => void; reject: (err: Error) => void } | null = null;
  let buffered: Buffer = Buffer.alloc(0);
  const fail = (err: Error) => {
    const w = waiting;
    waiting = null;
    w?.reject(err);
  };
  socket.on('error', fail);
  socket.on('close', () => fail(new Error('the server closed the connection')));
  socket.on('data', (chunk: Buffer) => {
    buffered = buffered.length === 0 ? chunk : Buffer.concat([buffered, chunk]);
    const end = buffered.indexOf('\r\n\r\n');
    if (end < 0) return;
    const head = buffered.toString('latin1', 0, end);
    const length = /\r\ncontent-length:[ \t]*(\d+)/i.exec(head)?.[1];
    if (length === undefined) return fail(new Error(`an answer without Content-Length: ${head.split('\r\n')[0]}`));
    const total = end + 4 + Number(length);
    if (buffered.length < total) return;
    buffered = buffered.subarray(total);
    const w = waiting;
    waiting = null;
    w?.resolve(Number(head.slice(9, 12)));
  });
  return {
    post: (path, body) =>
      new Promise<number>((resolve, reject) => {
        waiting = { resolve, reject };
        socket.write(
          `POST ${path} HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\n` +
            `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
        );
      }),
    close: () => socket.destroy(),
  };
}
