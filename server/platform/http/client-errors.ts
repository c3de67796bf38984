import { STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';

// Requests Node cannot parse (a request line and headers over its 16 KB limit, bytes that are
// not allowed in a URL, a malformed request line) never reach Express: Node answers them itself
// with an empty body. These give them the same JSON error every API refusal has.
const answers: Record<string, [number, string, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'headers_too_large', 'The request line and headers are too large (16 KB at most).'],
  HPE_CHUNK_EXTENSIONS_OVERFLOW: [413, 'payload_too_large', 'The chunk extensions are too large.'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'request_timeout', 'The request took too long to arrive.'],
};
const fallback: [number, string, string] = [
  400,
  'malformed_request',
  'The request is not valid HTTP (check the URL for unencoded characters).',
];

export function answerClientErrors(server: Server): Server {
  return server.on(
    'clientError',
    (err: NodeJS.ErrnoException, socket: Duplex & { _httpMessage?: { headersSent?: boolean } }) => {
      // as Node does: answer only if nothing of a response has gone out on this connection yet
      if (err.code === 'ECONNRESET' || !socket.writable || socket._httpMessage?.headersSent) {
        socket.destroy();
        return;
      }
      const [status, code, message] = answers[err.code ?? ''] ?? fallback;
      const body = JSON.stringify({ error: { code, message } });
      socket.end(
        `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
          `Content-Length: ${Buffer.byteLength(body)}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${body}`,
      );
      // end() lets the client read the answer while it is still sending; this stops a client that never closes
      setTimeout(() => socket.destroy(), 5_000).unref();
    },
  );
}
