// A born-digital PDF's text layer, page by page, with pdf.js (Mozilla's PDF reader, the 4.x line
// that runs on Node 20). Pages are separated by a blank line and recorded as segments, so a claim's
// quote carries its page. A PDF with no text layer (a scan) is refused with the reason: OCR is a
// later step, and an empty source would only hide the document's claims.
import { getDocument, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { DocumentRefused, MEDIA_TYPES, type ConversionLimits, type DerivedDocument, type DocumentMetadata, type Segment } from './types.js';

// The 14 standard fonts ship inside pdfjs-dist; without them pdf.js warns on every such font.
const STANDARD_FONTS = `${path.join(path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`;

interface TextItemLike {
  str?: string;
  hasEOL?: boolean;
}

/** "D:19990209153925-08'00'" → "1999-02-09". */
export function pdfDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?/.exec(value.trim());
  if (!match) return undefined;
  return [match[1], match[2], match[3]].filter(Boolean).join('-');
}

function infoString(info: Record<string, unknown>, key: string): string | undefined {
  const value = info[key];
  return typeof value === 'string' && value.trim() ? value.trim().slice(0, 500) : undefined;
}

interface PageLike {
  streamTextContent(params?: { includeMarkedContent?: boolean }): ReadableStream<{ items: TextItemLike[] }>;
  cleanup(): void;
}

/**
 * One page's text, read as pdf.js streams it, so that a page built to explode (a content stream that
 * inflates to megabytes of text operators) is stopped as soon as it passes what is left of the limit.
 */
async function readPage(page: PageLike, budget: number, limit: number, n: number): Promise<string> {
  let pageText = '';
  const reader = page.streamTextContent({ includeMarkedContent: false }).getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      for (const item of value.items) {
        if (typeof item.str === 'string') pageText += item.str;
        if (item.hasEOL) pageText += '\n';
      }
      if (pageText.length > budget)
        throw new DocumentRefused(
          413,
          `the PDF's text is over the limit of ${limit.toLocaleString('en')} characters (reached on page ${n})`,
        );
    }
  } finally {
    // Not awaited: pdf.js settles a cancelled stream only once the page's parse is over; the
    // document is destroyed by the caller, which stops it.
    reader.cancel().catch(() => undefined);
    page.cleanup();
  }
  return pageText
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export async function convertPdf(bytes: Buffer, limits: ConversionLimits): Promise<DerivedDocument> {
  const task = getDocument({
    data: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    // Never compile code from a document, never load fonts or anything else from outside it.
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    disableAutoFetch: true,
    standardFontDataUrl: STANDARD_FONTS,
    verbosity: VerbosityLevel.ERRORS,
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (err) {
    const name = (err as Error).name;
    if (name === 'PasswordException') throw new DocumentRefused(422, 'the PDF is password-protected: save an unprotected copy first');
    throw new DocumentRefused(415, `the file is not a readable PDF (${(err as Error).message})`);
  }
  try {
    if (doc.numPages > limits.maxPages)
      throw new DocumentRefused(
        413,
        `the PDF has ${doc.numPages.toLocaleString('en')} pages, over the limit of ${limits.maxPages.toLocaleString('en')}: split it`,
      );
    let text = '';
    const segments: Segment[] = [];
    const empty: number[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const pageText = await readPage(page as unknown as PageLike, limits.maxTextChars - text.length, limits.maxTextChars, n);
      if (pageText === '') {
        empty.push(n);
        continue;
      }
      if (text.length > 0) text += '\n\n';
      segments.push({ kind: 'page', start: text.length, end: text.length + pageText.length, label: String(n) });
      text += pageText;
      if (text.length > limits.maxTextChars)
        throw new DocumentRefused(
          413,
          `the PDF's text is over the limit of ${limits.maxTextChars.toLocaleString('en')} characters (reached on page ${n})`,
        );
    }
    if (text.replace(/\s+/g, '').length < 20) {
      throw new DocumentRefused(
        422,
        `the PDF has no text layer (${doc.numPages} page${doc.numPages === 1 ? '' : 's'} of images, as a scan is): it cannot be read without OCR, which is not offered yet`,
      );
    }
    const notes =
      empty.length > 0
        ? [
            `page${empty.length === 1 ? '' : 's'} ${empty.slice(0, 20).join(', ')}${empty.length > 20 ? '…' : ''} ha${empty.length === 1 ? 's' : 've'} no text layer (scanned?) and ${empty.length === 1 ? 'is' : 'are'} left out`,
          ]
        : [];
    const { info } = (await doc.getMetadata().catch(() => ({ info: {} }))) as { info: Record<string, unknown> };
    const metadata: DocumentMetadata = {};
    const title = infoString(info, 'Title');
    if (title) metadata.title = title;
    const author = infoString(info, 'Author');
    if (author) metadata.author = author;
    const published = pdfDate(info.CreationDate);
    if (published) metadata.published = published;
    return { kind: 'pdf', mediaType: MEDIA_TYPES.pdf, text: `${text}\n`, segments, metadata, notes };
  } finally {
    // Not awaited: after a refusal mid-page, destroy settles only once that page's parse is over.
    void doc.destroy().catch(() => undefined);
  }
}
