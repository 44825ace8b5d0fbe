// Documents as people have them, read into the text the extractor reads: real PDFs, Word files and
// web pages built here, and the hostile ones (a scan, a bomb, a file whose name lies).
import { describe, expect, it } from 'vitest';
import { convertDocument, DocumentRefused, sniff } from '../../server/formats/index.js';
import { DEFAULT_CONVERSION_LIMITS } from '../../server/formats/limits.js';
import { convertInWorker } from '../../server/formats/worker.js';
import { makeDocx, makeDocxBomb, makePdf, makePdfBomb, makeScannedPdf } from './files.js';

async function refusal(promise: Promise<unknown>): Promise<DocumentRefused> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DocumentRefused);
  return err as DocumentRefused;
}

describe('PDF', () => {
  it("reads the text layer page by page, each page a segment, with the document's metadata", async () => {
    const bytes = await makePdf(
      [['The garrison numbered 4,000 men in October 1919.', 'It was relieved in spring.'], ['By 1920 it numbered some 6,000 men.']],
      { title: 'A history of the garrison', author: 'A. Clerk', created: new Date(Date.UTC(1999, 1, 9)) },
    );
    const doc = await convertDocument({ bytes, fileName: 'history.pdf', mediaType: 'application/pdf' });
    expect(doc.kind).toBe('pdf');
    expect(doc.text).toContain('The garrison numbered 4,000 men in October 1919.');
    expect(doc.metadata).toMatchObject({ title: 'A history of the garrison', author: 'A. Clerk', published: '1999-02-09' });
    const pages = doc.segments.filter((s) => s.kind === 'page');
    expect(pages.map((p) => p.label)).toEqual(['1', '2']);
    expect(doc.text.slice(pages[1]!.start, pages[1]!.end)).toBe('By 1920 it numbered some 6,000 men.');
    expect(doc.text.slice(pages[0]!.start, pages[0]!.end)).toContain('relieved in spring');
  });

  it('refuses a scanned PDF (no text layer) with the reason, never as an empty source', async () => {
    const err = await refusal(convertDocument({ bytes: await makeScannedPdf(3) }));
    expect(err.status).toBe(422);
    expect(err.message).toMatch(/no text layer.*OCR/);
  });

  it('refuses a PDF with more pages than the limit', async () => {
    const bytes = await makePdf([['one'], ['two'], ['three']]);
    const err = await refusal(convertDocument({ bytes, limits: { ...DEFAULT_CONVERSION_LIMITS, maxPages: 2 } }));
    expect(err.status).toBe(413);
    expect(err.message).toContain('3 pages, over the limit of 2');
  });

  it('stops a PDF bomb in the conversion worker at its time budget, and reads a good PDF there', async () => {
    // A few KB that inflate to 2 MB of text operators: far slower to read than its size suggests.
    const bomb = makePdfBomb(2_000_000);
    expect(bomb.length).toBeLessThan(100_000);
    const started = Date.now();
    const err = await refusal(convertInWorker({ bytes: bomb }, { budgetMs: 1500, memoryMb: 256 }));
    expect(err.status).toBe(422);
    expect(err.message).toMatch(/took longer than 2 s and was stopped/);
    expect(Date.now() - started).toBeLessThan(30_000);
    const good = await convertInWorker(
      { bytes: await makePdf([['A page read in the worker thread.']]) },
      { budgetMs: 60_000, memoryMb: 256 },
    );
    expect(good.text).toContain('A page read in the worker thread.');
  });

  it('refuses a page whose text passes the text limit while it is read', async () => {
    const err = await refusal(
      convertInWorker(
        { bytes: makePdfBomb(200_000), limits: { ...DEFAULT_CONVERSION_LIMITS, maxTextChars: 500 } },
        { budgetMs: 60_000, memoryMb: 256 },
      ),
    );
    expect(err.status).toBe(413);
    expect(err.message).toContain('over the limit of 500 characters (reached on page 1)');
  });
});

describe('Word .docx', () => {
  it('reads paragraphs, headings and footnotes (numbered, so markers resolve) and core metadata', async () => {
    const bytes = await makeDocx({
      heading: 'Interview notes',
      paragraphs: ['The garrison numbered 4,000 men in 1919.', 'Another account says some 6,000.'],
      footnotes: ['Smith 1990, p. 4.', 'Jones 2001.'],
      meta: { title: 'Notes from the archive', creator: 'B. Reporter', created: '2021-03-04T10:00:00Z' },
    });
    const doc = await convertDocument({ bytes, fileName: 'notes.docx' });
    expect(doc.kind).toBe('docx');
    expect(doc.text).toContain('The garrison numbered 4,000 men in 1919.');
    expect(doc.text).toMatch(/1\. Smith 1990, p\. 4\./);
    expect(doc.text).not.toContain('↑');
    expect(doc.metadata).toMatchObject({ title: 'Notes from the archive', author: 'B. Reporter', published: '2021-03-04' });
    const heading = doc.segments.find((s) => s.kind === 'heading')!;
    expect(doc.text.slice(heading.start, heading.end)).toBe('Interview notes');
    expect(doc.segments.filter((s) => s.kind === 'footnote').map((s) => s.label)).toEqual(['1', '2']);
  });

  it('refuses a zip bomb from its directory, before unpacking it', async () => {
    const bytes = await makeDocxBomb(30_000_000);
    expect(bytes.length).toBeLessThan(200_000);
    const err = await refusal(convertDocument({ bytes, fileName: 'bomb.docx' }));
    expect(err.status).toBe(413);
    expect(err.message).toMatch(/zip bomb|unpack/);
  });
});

describe('web pages', () => {
  it('takes the article, not the navigation, runs nothing, and keeps the reference list', async () => {
    const html = `<!doctype html><html lang="en"><head><title>Garrison - Encyclopedia</title>
      <meta property="og:site_name" content="The Encyclopedia"><meta name="author" content="C. Editor">
      <meta property="article:published_time" content="2020-05-01T10:00:00Z"><link rel="canonical" href="https://encyclopedia.example/garrison">
      <script>window.stolen = document.cookie</script></head>
      <body><nav>Home · About · Donate · Log in</nav><main><article><h1>Garrison</h1>
      <p>The garrison numbered 4,000 men in October 1919.<sup><a href="#r1">[1]</a></sup> Accounts of its size differ widely, and the question has long occupied historians of the period and its archives.</p>
      <p>By 1920 it numbered some 6,000 men, according to a later report that several historians have since questioned on the basis of the muster rolls.<sup><a href="#r2">[2]</a></sup></p>
      <h2>References</h2><ol class="references"><li id="r1">Smith 1990, p. 4.</li><li id="r2">Jones 2001.</li></ol></article></main>
      <footer>Cookie settings: accept all</footer><img src=x onerror="alert(1)"></body></html>`;
    const doc = await convertDocument({ bytes: Buffer.from(html), fileName: 'garrison.html' });
    expect(doc.kind).toBe('html');
    expect(doc.text).toContain('The garrison numbered 4,000 men in October 1919.[1]');
    expect(doc.text).toContain('1. Smith 1990, p. 4.\n2. Jones 2001.');
    expect(doc.text).not.toMatch(/Donate|cookie|stolen/i);
    expect(doc.metadata).toMatchObject({
      title: 'Garrison - Encyclopedia',
      author: 'C. Editor',
      published: '2020-05-01',
      url: 'https://encyclopedia.example/garrison',
      publisher: 'The Encyclopedia',
      language: 'en',
    });
    expect(doc.notes.join(' ')).toContain('1 script ignored');
    expect(doc.segments.filter((s) => s.kind === 'footnote')).toHaveLength(2);
  });
});

describe('what a file is', () => {
  it('is read from its bytes, and a name or type that lies is refused naming both', async () => {
    const pdf = await makePdf([['Some text on a page of its own.']]);
    expect(sniff(pdf)).toBe('pdf');
    const named = await refusal(convertDocument({ bytes: pdf, fileName: 'notes.docx' }));
    expect(named.status).toBe(415);
    expect(named.message).toMatch(/named notes\.docx but its content is a PDF/);
    const typed = await refusal(convertDocument({ bytes: Buffer.from('<html><body>hi</body></html>'), mediaType: 'application/pdf' }));
    expect(typed.message).toMatch(/declared as application\/pdf but its content is a web page/);
  });

  it('refuses binary data, an empty file, invalid UTF-8 and a file over the size limit', async () => {
    expect((await refusal(convertDocument({ bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]) }))).message).toMatch(/binary data/);
    expect((await refusal(convertDocument({ bytes: Buffer.alloc(0) }))).status).toBe(400);
    expect((await refusal(convertDocument({ bytes: Buffer.from([0x41, 0xff, 0x42]) }))).message).toMatch(/not valid UTF-8/);
    const big = await refusal(
      convertDocument({ bytes: Buffer.alloc(2000, 0x41), limits: { ...DEFAULT_CONVERSION_LIMITS, maxFileBytes: 1000 } }),
    );
    expect(big.status).toBe(413);
  });
});
