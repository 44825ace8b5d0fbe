// Dropping a document over real HTTP: read, checked, saved with its original kept, and every way of
// getting it wrong refused with the reason and nothing stored.
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyGraphData, expectError, expectShape, startApi, type RunningApi } from '../api/harness.js';
import { makeDocx, makePdf, makeScannedPdf } from './files.js';

let api: RunningApi;
beforeAll(async () => {
  api = await startApi(await copyGraphData());
});
afterAll(() => api?.close());

const upload = (bytes: Buffer, type: string, name?: string) =>
  api.send('POST', '/api/documents', {
    headers: { 'content-type': type, ...(name ? { 'x-file-name': encodeURIComponent(name) } : {}) },
    body: bytes,
  });

const save = (body: object) =>
  api.send('POST', '/api/sources', { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('POST /api/documents, then POST /api/sources', () => {
  it('reads a PDF, and saving it keeps the original beside the text with its SHA-256, pages recorded', async () => {
    const pdf = await makePdf(
      [
        ['Report on the garrison at Fort Alder.'],
        ['By October 1918, Japanese troops in the Russian Far East', 'numbered over 72,000 soldiers.'],
      ],
      { title: 'Report on Fort Alder', author: 'D. Officer' },
    );
    const read = await upload(pdf, 'application/pdf', 'fort alder report.pdf');
    expect(read.status, JSON.stringify(read.body)).toBe(200);
    expectShape(read.body, 'DerivedDocument');
    expect(read.body.kind).toBe('pdf');
    expect(read.body.metadata.title).toBe('Report on Fort Alder');
    expect(read.body.counts.pages).toBe(2);
    expect(read.body.upload).toBe(createHash('sha256').update(pdf).digest('hex'));

    const before = await readdir(path.join(api.dataDir, 'sources'));
    const saved = await save({
      title: read.body.metadata.title,
      publisher: 'Army archive',
      text: read.body.text,
      document: { upload: read.body.upload },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
    const source = saved.body.source;
    expect(source.original).toMatchObject({
      file: `${source.id}.original.pdf`,
      mediaType: 'application/pdf',
      size: pdf.length,
      fileName: 'fort alder report.pdf',
      sha256: read.body.upload,
    });
    expect(source.segments.filter((s: { kind: string }) => s.kind === 'page').map((s: { label: string }) => s.label)).toEqual(['1', '2']);
    const kept = await readFile(path.join(api.dataDir, 'sources', source.original.file));
    expect(kept.equals(pdf)).toBe(true);
    const text = await readFile(path.join(api.dataDir, 'sources', `${source.id}.txt`), 'utf8');
    expect(text).toBe(read.body.text);
    for (const claim of saved.body.claims) expect(text.slice(claim.quote.start, claim.quote.end)).toBe(claim.quote.exact);
    expect(
      saved.body.claims.map((c: { value: { amount?: number } }) => c.value.amount),
      JSON.stringify(saved.body.warnings),
    ).toContain(72000);
    // The quote carries its page of the PDF.
    const claim72 = saved.body.claims.find((c: { value: { amount?: number } }) => c.value.amount === 72000);
    const trace = await api.get(`/api/claims/${claim72.id}/trace`);
    expect(trace.body.quote.page).toBe('2');
    expect((await readdir(path.join(api.dataDir, 'sources'))).length).toBe(before.length + 3);
    // The upload is used up: saving it twice is refused, not duplicated.
    expectError(
      await save({ title: 'Again', publisher: 'Army archive', text: read.body.text, document: { upload: read.body.upload } }),
      410,
      '/document/upload',
    );
  });

  it('reads a Word file with its footnotes', async () => {
    const docx = await makeDocx({
      paragraphs: ['The garrison numbered 4,000 men in 1919.'],
      footnotes: ['Smith 1990, p. 4.'],
      meta: { title: 'Interview notes' },
    });
    const read = await upload(docx, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'notes.docx');
    expect(read.status).toBe(200);
    expect(read.body.text).toContain('1. Smith 1990, p. 4.');
    expect(read.body.counts.footnotes).toBe(1);
  });

  it('refuses a scan, a lying name, a text/plain body and a changed text, storing nothing', async () => {
    const before = await readdir(path.join(api.dataDir, 'sources'));
    const scan = await upload(await makeScannedPdf(), 'application/pdf', 'scan.pdf');
    expectError(scan, 422, '/body');
    expect(scan.body.error).toMatch(/no text layer/);
    const pdf = await makePdf([['A page of text that is long enough to read.']]);
    const lying = await upload(pdf, 'application/octet-stream', 'minutes.docx');
    expectError(lying, 415, '/body');
    expect(lying.body.error).toMatch(/named minutes\.docx but its content is a PDF/);
    expectError(await upload(Buffer.from('just text'), 'text/plain'), 415, '/headers/content-type');
    const read = await upload(pdf, 'application/pdf');
    expectError(
      await save({ title: 'Edited', publisher: 'P', text: `${read.body.text} and more`, document: { upload: read.body.upload } }),
      400,
      '/text',
    );
    expectError(await save({ title: 'Gone', publisher: 'P', text: 'x', document: { upload: 'a'.repeat(64) } }), 410, '/document/upload');
    expect(await readdir(path.join(api.dataDir, 'sources'))).toEqual(before);
  });

  it('refuses a file over the size limit before reading it', async () => {
    // 51 MB of a "PDF": refused by its size alone (413), never handed to the reader.
    const big = Buffer.alloc(51 * 1024 * 1024, 0x20);
    big.write('%PDF-1.4\n');
    const reply = await upload(big, 'application/pdf', 'huge.pdf');
    expectError(reply, 413);
  });

  it('refuses a document posted from another site', async () => {
    const pdf = await makePdf([['A page of text that is long enough to read.']]);
    const reply = await api.send('POST', '/api/documents', {
      headers: { 'content-type': 'application/pdf', origin: 'http://evil.example', 'sec-fetch-site': 'cross-site' },
      body: pdf,
    });
    expect(reply.status).toBe(403);
  });
});
