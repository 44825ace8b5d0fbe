// One HTTP GET over loopback, timed: headers received (time to first byte), body complete, bytes
// on the wire (compressed when the server compressed), and the response headers.
import http from 'node:http';

export interface Probe {
  status: number;
  /** Request sent to response headers received. */
  ttfbMs: number;
  /** Request sent to the last body byte received. */
  totalMs: number;
  /** Body bytes as transferred (gzip bytes when Content-Encoding is gzip). */
  bytes: number;
  headers: http.IncomingHttpHeaders;
}

export function probe(url: string, headers: Record<string, string> = {}): Promise<Probe> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const ms = () => Number(process.hrtime.bigint() - start) / 1e6;
    // A fresh connection each time (no keep-alive agent), as a browser's first load would make.
    const req = http.get(url, { headers, agent: false }, (res) => {
      const ttfbMs = ms();
      let bytes = 0;
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ttfbMs, totalMs: ms(), bytes, headers: res.headers }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}
