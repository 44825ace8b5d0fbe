// Reads a zip file's central directory (no inflating) to refuse a zip bomb before any library
// unpacks it: the declared sizes of all entries, and each entry's compression ratio. A file that
// lies about its sizes is still bounded by the conversion worker's memory limit.
import { DocumentRefused, type ConversionLimits } from './types.js';

export interface ZipEntry {
  name: string;
  compressed: number;
  uncompressed: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

export function zipEntries(bytes: Buffer): ZipEntry[] {
  // The end-of-central-directory record is in the last 22 + 65,535 bytes (its comment is at most that long).
  const from = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= from; i--) {
    if (bytes.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new DocumentRefused(415, 'the file is not a valid zip archive (no central directory), so it cannot be a Word .docx');
  const count = bytes.readUInt16LE(eocd + 10);
  const offset = bytes.readUInt32LE(eocd + 16);
  if (offset === 0xffffffff || count === 0xffff)
    throw new DocumentRefused(413, 'the .docx is a ZIP64 archive, far larger than a Word document needs');
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL)
      throw new DocumentRefused(415, 'the .docx has a damaged zip directory');
    const compressed = bytes.readUInt32LE(at + 20);
    const uncompressed = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
    entries.push({ name, compressed, uncompressed });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Refuses an archive whose entries would unpack past the limits. */
export function checkZipBomb(entries: readonly ZipEntry[], limits: ConversionLimits): void {
  let total = 0;
  for (const e of entries) {
    if (e.uncompressed === 0xffffffff || e.compressed === 0xffffffff)
      throw new DocumentRefused(413, `the .docx entry ${e.name} declares a ZIP64 size, far larger than a Word document needs`);
    total += e.uncompressed;
    const ratio = e.uncompressed / Math.max(1, e.compressed);
    if (e.uncompressed > 1_000_000 && ratio > limits.maxCompressionRatio) {
      throw new DocumentRefused(
        413,
        `the .docx entry ${e.name} would unpack ${Math.round(ratio)} times its size (${e.uncompressed.toLocaleString('en')} bytes): refused as a zip bomb (limit ${limits.maxCompressionRatio}×)`,
      );
    }
  }
  if (total > limits.maxUnzippedBytes) {
    throw new DocumentRefused(
      413,
      `the .docx would unpack to ${total.toLocaleString('en')} bytes, over the limit of ${limits.maxUnzippedBytes.toLocaleString('en')}`,
    );
  }
}
