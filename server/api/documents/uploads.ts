// Documents dropped into the explorer wait here, read and converted, while the person checks what
// was derived and edits the metadata; saving the source takes the upload by its SHA-256. Kept in
// memory, bounded in count and bytes and for an hour: nothing of an upload touches the store until
// the source is saved (a restart only means dropping the file again).
import { sha256 } from '../../core/integrity.js';
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

export class UploadShelf {
  private readonly uploads = new Map<string, Upload>();

  constructor(
    private readonly limits: UploadLimits = DEFAULT_UPLOAD_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  put(bytes: Buffer, document: DerivedDocument, fileName?: string): Upload {
    this.expire();
    const upload: Upload = {
      sha256: sha256(bytes),
      bytes,
      document,
      textSha256: sha256(document.text),
      at: this.now(),
      ...(fileName ? { fileName } : {}),
    };
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

  get(upload: string): Upload | undefined {
    this.expire();
    return this.uploads.get(upload);
  }

  delete(upload: string): void {
    this.uploads.delete(upload);
  }

  private expire(): void {
    const oldest = this.now() - this.limits.ttlMs;
    for (const [key, u] of this.uploads) if (u.at < oldest) this.uploads.delete(key);
  }
}
