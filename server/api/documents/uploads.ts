// Documents dropped into the explorer wait here, read and converted, while the person checks what
// was derived and edits the metadata; saving the source takes the upload by its SHA-256. Kept in
// memory, bounded in count and bytes and for an hour: nothing of an upload touches the store until
// the source is saved (a restart only means dropping the file again).
import { createHash } from 'node:crypto';
import type { DerivedDocument } from '../../formats/index.js';

export interface Upload {
  sha256: string;
  bytes: Buffer;
  fileName?: string;
  document: DerivedDocument;
  /** SHA-256 of the derived text: the text sent with the source must be this one. */
  textSha256: string;
  at: number;
}

export interface UploadLimits {
  maxUploads: number;
  maxBytes: number;
  ttlMs: number;
}

export const DEFAULT_UPLOAD_LIMITS: UploadLimits = { maxUploads: 16, maxBytes: 256 * 1024 * 1024, ttlMs: 60 * 60 * 1000 };

const sha = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

export class UploadShelf {
  private readonly uploads = new Map<string, Upload>();

  constructor(private readonly limits: UploadLimits = DEFAULT_UPLOAD_LIMITS, private readonly now: () => number = Date.now) {}

  put(bytes: Buffer, document: DerivedDocument, fileName?: string): Upload {
    this.expire();
    const upload: Upload = { sha256: sha(bytes), bytes, document, textSha256: sha(document.text), at: this.now(), ...(fileName ? { fileName } : {}) };
    this.uploads.delete(upload.sha256);
    this.uploads.set(upload.sha256, upload);
    // Oldest first out when over the count or the bytes.
    let bytesHeld = 0;
    for (const u of this.uploads.values()) bytesHeld += u.bytes.length;
    for (const [key, u] of this.uploads) {
      if (this.uploads.size <= this.limits.maxUploads && bytesHeld <= this.limits.maxBytes) break;
      if (key === upload.sha256) continue;
      this.uploads.delete(key);
      bytesHeld -= u.bytes.length;
    }
    return upload;
  }

  get(sha256: string): Upload | undefined {
    this.expire();
    return this.uploads.get(sha256);
  }

  delete(sha256: string): void {
    this.uploads.delete(sha256);
  }

  private expire(): void {
    const oldest = this.now() - this.limits.ttlMs;
    for (const [key, u] of this.uploads) if (u.at < oldest) this.uploads.delete(key);
  }
}

export function textSha256(text: string): string {
  return sha(text);
}
