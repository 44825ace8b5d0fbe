// A saved web page: the article found by Mozilla's Readability (the reader view of Firefox) on a
// linkedom DOM, turned into plain text with its headings, paragraphs and reference list; the
// metadata from the page's own <meta> tags (Open Graph, Dublin Core, schema.org's article tags).
// Nothing in the page runs: linkedom parses, it executes no script and loads no resource.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { htmlToText, type DomNode } from './html-text.js';

// linkedom's document: the server is compiled without the DOM's types.
type Doc = ReturnType<typeof parseHTML>['document'];
import { DocumentRefused, MEDIA_TYPES, type DerivedDocument, type DocumentMetadata } from './types.js';

function meta(document: Doc, ...names: string[]): string | undefined {
  for (const name of names) {
    const el = document.querySelector(`meta[property="${name}"], meta[name="${name}"], meta[itemprop="${name}"]`);
    const value = el?.getAttribute('content')?.trim();
    if (value) return value.slice(0, 2000);
  }
  return undefined;
}

function canonicalUrl(document: Doc): string | undefined {
  const href = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta(document, 'og:url');
  if (!href) return undefined;
  try {
    const url = new URL(href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function isoDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const match = /^\d{4}-\d{2}-\d{2}/.exec(value.trim());
  return match?.[0];
}

export function htmlMetadata(document: Doc): DocumentMetadata {
  const title =
    meta(document, 'og:title', 'dc.title', 'DC.title', 'citation_title') ?? document.querySelector('title')?.textContent?.trim();
  const metadata: DocumentMetadata = {};
  if (title) metadata.title = title.slice(0, 500);
  const author = meta(document, 'author', 'article:author', 'dc.creator', 'DC.creator', 'citation_author');
  if (author) metadata.author = author;
  const published = isoDate(
    meta(document, 'article:published_time', 'datePublished', 'dc.date', 'DC.date', 'citation_publication_date', 'date'),
  );
  if (published) metadata.published = published;
  const url = canonicalUrl(document);
  if (url) metadata.url = url;
  const publisher = meta(document, 'og:site_name', 'dc.publisher', 'DC.publisher', 'citation_publisher');
  if (publisher) metadata.publisher = publisher;
  const language = document.documentElement?.getAttribute('lang')?.trim();
  if (language && /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$/.test(language)) metadata.language = language;
  return metadata;
}

export function convertHtml(html: string): DerivedDocument {
  const { document } = parseHTML(html);
  const metadata = htmlMetadata(document);
  const scripts = document.querySelectorAll('script').length;
  const notes: string[] = [];
  if (scripts > 0) notes.push(`${scripts} script${scripts === 1 ? '' : 's'} ignored (nothing in the page is run)`);
  // Readability edits the document it is given; the metadata has been read first.
  const article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], {
    charThreshold: 200,
    keepClasses: true,
  }).parse();
  let root: DomNode;
  if (article?.content) {
    root = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`).document.body as unknown as DomNode;
    if (article.byline && !metadata.author) metadata.author = article.byline.trim().slice(0, 300);
    if (article.siteName && !metadata.publisher) metadata.publisher = article.siteName.trim().slice(0, 300);
  } else {
    // No article found (a short page): the whole body, still without scripts and styles.
    root = (document.body ?? document) as unknown as DomNode;
    notes.push('no article was recognised; the whole page text was taken');
  }
  const { text, segments } = htmlToText(root);
  if (text.trim() === '')
    throw new DocumentRefused(422, 'the web page has no readable text (it may build its content with scripts, which are never run)');
  return { kind: 'html', mediaType: MEDIA_TYPES.html, text, segments, metadata, notes };
}
