// Any document a person has, as the plain text the extractor reads: the kind is read from the bytes
// (never trusted from a file name or a Content-Type), and a declared type that the bytes contradict
// is refused with both named.
// The readers (pdf.js, mammoth, Readability) are loaded when a document of their kind first arrives:
// together they cost a server about 1.5 s and 140 MB at start-up for something most sessions never use.
import { DEFAULT_CONVERSION_LIMITS } from './limits.js';
import { DocumentRefused, MEDIA_TYPES, type ConversionLimits, type DerivedDocument, type DocumentKind } from './types.js';

export { DocumentRefused, MEDIA_TYPES, type DerivedDocument, type DocumentKind } from './types.js';
export { DEFAULT_CONVERSION_LIMITS } from './limits.js';

const EXTENSIONS: Readonly<Record<string, DocumentKind>> = {
  pdf: 'pdf',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  docx: 'docx',
  txt: 'text',
  text: 'text',
  md: 'text',
};

/** What the bytes are, whatever they are called. */
export function sniff(bytes: Buffer): DocumentKind | 'zip' | 'binary' {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50) return bytes.includes('word/document.xml') ? 'docx' : 'zip';
  const head = bytes.subarray(0, 4096);
  if (head.includes(0)) return 'binary';
  const start = head
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart()
    .slice(0, 200)
    .toLowerCase();
  if (
    start.startsWith('<!doctype html') ||
    start.startsWith('<html') ||
    (start.startsWith('<?xml') && head.toString('utf8').toLowerCase().includes('<html'))
  )
    return 'html';
  return 'text';
}

export function kindOfName(fileName: string | undefined): DocumentKind | undefined {
  const ext = fileName?.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  return ext ? EXTENSIONS[ext] : undefined;
}

export function kindOfMediaType(mediaType: string | undefined): DocumentKind | undefined {
  const type = mediaType?.split(';')[0]?.trim().toLowerCase();
  return (
    (Object.entries(MEDIA_TYPES) as [DocumentKind, string][]).find(([, t]) => t === type)?.[0] ??
    (type === 'application/xhtml+xml' ? 'html' : undefined)
  );
}

const KIND_NAME: Record<DocumentKind | 'zip' | 'binary', string> = {
  pdf: 'a PDF',
  html: 'a web page (HTML)',
  docx: 'a Word .docx',
  text: 'plain text',
  zip: 'a zip archive',
  binary: 'binary data',
};

function decodeUtf8(bytes: Buffer, what: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new DocumentRefused(415, `the ${what} is not valid UTF-8: save it as UTF-8 first`);
  }
}

export interface ConvertRequest {
  bytes: Buffer;
  /** The file's name as the user has it, if any (its extension is checked against the bytes). */
  fileName?: string;
  /** The media type the client declared, if any (checked against the bytes). */
  mediaType?: string;
  limits?: ConversionLimits;
}

export async function convertDocument(request: ConvertRequest): Promise<DerivedDocument> {
  const limits = request.limits ?? DEFAULT_CONVERSION_LIMITS;
  const { bytes } = request;
  if (bytes.length > limits.maxFileBytes)
    throw new DocumentRefused(
      413,
      `the file is ${bytes.length.toLocaleString('en')} bytes, over the limit of ${limits.maxFileBytes.toLocaleString('en')}`,
    );
  if (bytes.length === 0) throw new DocumentRefused(400, 'the file is empty');
  const actual = sniff(bytes);
  for (const [declared, how] of [
    [kindOfMediaType(request.mediaType), `declared as ${request.mediaType}`],
    [kindOfName(request.fileName), `named ${request.fileName}`],
  ] as const) {
    if (declared && declared !== actual && !(declared === 'text' && actual === 'html')) {
      throw new DocumentRefused(
        415,
        `the file is ${how} but its content is ${KIND_NAME[actual]}: refused, since a file whose name or type lies about its content is not read`,
      );
    }
  }
  switch (actual) {
    case 'pdf':
      return (await import('./pdf.js')).convertPdf(bytes, limits);
    case 'docx':
      return (await import('./docx.js')).convertDocx(bytes, limits);
    case 'html':
      return (await import('./html.js')).convertHtml(decodeUtf8(bytes, 'web page'));
    case 'text': {
      const text = decodeUtf8(bytes, 'text');
      if (text.length > limits.maxTextChars)
        throw new DocumentRefused(413, `the text is over the limit of ${limits.maxTextChars.toLocaleString('en')} characters`);
      return { kind: 'text', mediaType: MEDIA_TYPES.text, text, segments: [], metadata: {}, notes: [] };
    }
    case 'zip':
      throw new DocumentRefused(415, 'the file is a zip archive but not a Word .docx');
    case 'binary':
      throw new DocumentRefused(415, 'the file is binary data of a kind that is not read (PDF, web page, Word .docx and plain text are)');
  }
}
