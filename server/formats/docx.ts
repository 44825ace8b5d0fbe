// A Word .docx: mammoth turns the document (with its footnotes and endnotes) into HTML, which reads
// into text like a web page's article; the metadata comes from docProps/core.xml. The archive is
// checked for a zip bomb from its directory before anything is unpacked.
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { parseHTML } from 'linkedom';
import { htmlToText, type DomNode } from './html-text.js';
import { DocumentRefused, MEDIA_TYPES, type ConversionLimits, type DerivedDocument, type DocumentMetadata } from './types.js';
import { checkZipBomb, zipEntries } from './zip-check.js';

function xmlText(xml: string, tag: string): string | undefined {
  const match = new RegExp(`<${tag}(?:\\s[^>]*)?>([^<]{1,2000})</${tag}>`).exec(xml);
  return (
    match?.[1]
      ?.replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&')
      .trim() || undefined
  );
}

async function coreMetadata(bytes: Buffer): Promise<DocumentMetadata> {
  const zip = await JSZip.loadAsync(bytes);
  const core = zip.file('docProps/core.xml');
  if (!core) return {};
  const xml = await core.async('string');
  const metadata: DocumentMetadata = {};
  const title = xmlText(xml, 'dc:title');
  if (title) metadata.title = title;
  const author = xmlText(xml, 'dc:creator');
  if (author) metadata.author = author;
  const created = xmlText(xml, 'dcterms:created');
  if (created && /^\d{4}-\d{2}-\d{2}/.test(created)) metadata.published = created.slice(0, 10);
  const language = xmlText(xml, 'dc:language');
  if (language) metadata.language = language;
  return metadata;
}

export async function convertDocx(bytes: Buffer, limits: ConversionLimits): Promise<DerivedDocument> {
  const entries = zipEntries(bytes);
  if (!entries.some((e) => e.name === 'word/document.xml'))
    throw new DocumentRefused(415, 'the file is a zip archive but not a Word .docx (it has no word/document.xml)');
  checkZipBomb(entries, limits);
  const { value: html, messages } = await mammoth.convertToHtml({ buffer: bytes });
  // mammoth links each note back to its marker with a "↑"; the link is navigation, not text.
  const cleaned = html.replace(/<a href="#(?:foot|end)note-ref-\d+">↑<\/a>/g, '');
  const { document } = parseHTML(`<!doctype html><html><body>${cleaned}</body></html>`);
  const { text, segments } = htmlToText(document.body as unknown as DomNode);
  if (text.trim() === '') throw new DocumentRefused(422, 'the Word document has no text');
  const notes = messages
    .filter((m) => m.type === 'warning')
    .slice(0, 5)
    .map((m) => `Word conversion: ${m.message}`);
  return { kind: 'docx', mediaType: MEDIA_TYPES.docx, text, segments, metadata: await coreMetadata(bytes), notes };
}
