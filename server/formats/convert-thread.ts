// The conversion worker's body: one document, one answer, then the thread ends.
import { parentPort, workerData } from 'node:worker_threads';
import { convertDocument, DocumentRefused } from './index.js';
import type { ConvertRequest } from './index.js';

const { request } = workerData as { request: ConvertRequest & { bytes: Uint8Array } };
try {
  const document = await convertDocument({
    ...request,
    bytes: Buffer.from(request.bytes.buffer, request.bytes.byteOffset, request.bytes.byteLength),
  });
  parentPort!.postMessage({ document });
} catch (err) {
  if (err instanceof DocumentRefused) parentPort!.postMessage({ refused: { status: err.status, message: err.message } });
  else parentPort!.postMessage({ failed: (err as Error).message ?? String(err) });
}
