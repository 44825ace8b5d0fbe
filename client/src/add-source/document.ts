// A PDF, web page or Word file dropped or chosen in the Add source dialog: sent as its own bytes to
// POST /api/documents, which answers the text it yields, its pages and headings, its metadata and an
// upload id. The person sees what was derived before saving; the text is then fixed (it is the one
// the file yields, and quotes will point into it) while the metadata stays editable.
import { apiErrorOf, send } from '../api.js';
import type { DerivedDocumentReply } from '../../../server/api/documents/reply.js';

export type { DerivedDocumentReply };

const TYPES: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  html: 'text/html',
  htm: 'text/html',
  xhtml: 'application/xhtml+xml',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** Whether a file is read by the server (a document) rather than into the text box (plain text). */
export function isDocumentFile(file: File): boolean {
  const ext = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase();
  return (ext !== undefined && ext in TYPES) || Object.values(TYPES).includes(file.type);
}

export async function readDocument(file: File): Promise<DerivedDocumentReply> {
  const ext = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? '';
  const type = TYPES[ext] ?? (Object.values(TYPES).includes(file.type) ? file.type : 'application/octet-stream');
  const res = await send('/api/documents', {
    method: 'POST',
    headers: { 'Content-Type': type, 'X-File-Name': encodeURIComponent(file.name) },
    body: file,
  });
  if (!res.ok) throw await apiErrorOf(res);
  return (await res.json()) as DerivedDocumentReply;
}

/** "PDF, 12 pages, 48,210 characters, 31 notes" */
export function describeDocument(doc: DerivedDocumentReply): string {
  const parts = [doc.kind === 'docx' ? 'Word document' : doc.kind === 'html' ? 'web page' : doc.kind.toUpperCase()];
  if (doc.counts.pages) parts.push(`${doc.counts.pages} page${doc.counts.pages === 1 ? '' : 's'}`);
  parts.push(`${doc.counts.characters.toLocaleString('en')} characters`);
  if (doc.counts.headings) parts.push(`${doc.counts.headings} heading${doc.counts.headings === 1 ? '' : 's'}`);
  if (doc.counts.footnotes) parts.push(`${doc.counts.footnotes} note${doc.counts.footnotes === 1 ? '' : 's'}`);
  return parts.join(', ');
}
