// HTML (a web page's article, or the HTML mammoth makes of a Word file) to the plain text the
// extractor reads: blocks become paragraphs, headings their own lines, list items numbered as the
// page numbers them (so a reference list reads "1. Smith 1990, p. 4." and its footnotes resolve),
// table cells tab-separated (so an infobox reads as the table it is). Scripts, styles and other
// non-text elements are dropped. Each paragraph, heading, list item and footnote is recorded as a
// segment with its offsets.
import type { Segment } from './types.js';

const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'svg',
  'canvas',
  'head',
  'button',
  'select',
  'textarea',
  'input',
  'math',
]);
const BLOCK = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'aside',
  'blockquote',
  'pre',
  'figure',
  'figcaption',
  'dl',
  'dt',
  'dd',
  'table',
  'caption',
  'address',
  'details',
  'summary',
  'center',
  'ol',
  'ul',
  'hr',
  'body',
]);
const HEADING = /^h[1-6]$/;
// mammoth's ids for a Word file's notes: footnote-1, endnote-2.
const NOTE_ID = /^(foot|end)note-\d+$/;

// The smallest DOM surface this needs, so linkedom's and any other DOM's nodes fit.
export interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  getAttribute?(name: string): string | null;
  parentNode?: DomNode | null;
}

interface Open {
  kind: Segment['kind'];
  label?: string;
  start: number;
}

class TextWriter {
  text = '';
  private pending = 0;
  private spacePending = false;
  private readonly open: Open[] = [];
  readonly segments: Segment[] = [];

  /** Asks for `lines` line breaks before the next text (the larger request wins). */
  requestBreak(lines: number): void {
    if (this.text.length > 0) this.pending = Math.max(this.pending, lines);
    this.spacePending = false;
  }

  write(raw: string, preformatted: boolean): void {
    const chunk = preformatted ? raw : raw.replace(/[\s\u00a0]+/g, (ws) => (ws.includes('\u00a0') && ws.length === 1 ? '\u00a0' : ' '));
    if (chunk === '') return;
    let body = chunk;
    if (!preformatted) {
      const leading = /^ /.test(body);
      body = body.replace(/^ /, '');
      if (leading && this.text.length > 0 && this.pending === 0) this.spacePending = true;
      const trailing = / $/.test(body);
      body = body.replace(/ $/, '');
      if (body === '') {
        if (trailing || leading) this.spacePending = this.text.length > 0 && this.pending === 0;
        return;
      }
      this.flush();
      this.text += body;
      this.spacePending = trailing;
    } else {
      this.flush();
      this.text += body;
    }
    for (const o of this.open) if (o.start < 0) o.start = this.text.length - body.length;
  }

  private flush(): void {
    if (this.pending > 0) {
      this.text += '\n'.repeat(this.pending);
      this.pending = 0;
      this.spacePending = false;
    } else if (this.spacePending) {
      this.text += ' ';
      this.spacePending = false;
    }
  }

  begin(kind: Segment['kind'], label?: string): void {
    this.open.push({ kind, start: -1, ...(label !== undefined ? { label } : {}) });
  }

  end(): void {
    const o = this.open.pop();
    if (!o || o.start < 0 || o.start >= this.text.length) return;
    this.segments.push({ kind: o.kind, start: o.start, end: this.text.length, ...(o.label !== undefined ? { label: o.label } : {}) });
  }
}

function isFootnoteList(node: DomNode): boolean {
  const cls = node.getAttribute?.('class') ?? '';
  return /\b(references|footnotes?|endnotes?|reflist)\b/i.test(cls);
}

function walk(node: DomNode, out: TextWriter, context: { pre: boolean; footnotes: boolean }): void {
  if (node.nodeType === 3) {
    out.write(node.textContent ?? '', context.pre);
    return;
  }
  if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
  const name = node.nodeName.toLowerCase();
  if (SKIP.has(name)) return;
  if (name === 'br') {
    out.requestBreak(1);
    return;
  }
  const children = Array.from(node.childNodes);
  if (HEADING.test(name)) {
    out.requestBreak(2);
    out.begin('heading', name);
    for (const child of children) walk(child, out, context);
    out.end();
    out.requestBreak(2);
    return;
  }
  if (name === 'ol' || name === 'ul') {
    out.requestBreak(2);
    const footnotes =
      context.footnotes || isFootnoteList(node) || Array.from(node.childNodes).some((c) => NOTE_ID.test(c.getAttribute?.('id') ?? ''));
    let n = Number(node.getAttribute?.('start') ?? '1');
    if (!Number.isSafeInteger(n)) n = 1;
    for (const child of children) {
      if (child.nodeType === 1 && child.nodeName.toLowerCase() === 'li') {
        out.requestBreak(1);
        const marker = name === 'ol' ? `${n}. ` : '- ';
        const label = name === 'ol' ? String(n) : undefined;
        out.begin(footnotes ? 'footnote' : 'list-item', label);
        out.write(marker, true);
        // A note's first paragraph (mammoth writes <li><p>…</p></li>) runs on after its number.
        const inner = Array.from(child.childNodes);
        const first = inner.find((c) => c.nodeType === 1);
        for (const grandchild of inner) {
          if (grandchild === first && grandchild.nodeName.toLowerCase() === 'p')
            for (const c of Array.from(grandchild.childNodes)) walk(c, out, { ...context, footnotes });
          else walk(grandchild, out, { ...context, footnotes });
        }
        out.end();
        n++;
      } else walk(child, out, context);
    }
    out.requestBreak(2);
    return;
  }
  if (name === 'tr') {
    out.requestBreak(1);
    let first = true;
    for (const cell of children) {
      if (cell.nodeType !== 1) continue;
      if (!first) out.write('\t', true);
      first = false;
      walk(cell, out, context);
    }
    out.requestBreak(1);
    return;
  }
  if (name === 'p' || name === 'blockquote' || name === 'pre' || name === 'figcaption' || name === 'dd' || name === 'dt') {
    out.requestBreak(2);
    out.begin('paragraph');
    for (const child of children) walk(child, out, { ...context, pre: context.pre || name === 'pre' });
    out.end();
    out.requestBreak(2);
    return;
  }
  const block = BLOCK.has(name);
  if (block) out.requestBreak(name === 'div' || name === 'section' || name === 'article' ? 1 : 2);
  for (const child of children) walk(child, out, context);
  if (block) out.requestBreak(name === 'div' || name === 'section' || name === 'article' ? 1 : 2);
}

export function htmlToText(root: DomNode): { text: string; segments: Segment[] } {
  const out = new TextWriter();
  walk(root, out, { pre: false, footnotes: false });
  const text = out.text;
  return { text: text.endsWith('\n') ? text : `${text}\n`, segments: out.segments.sort((a, b) => a.start - b.start || b.end - a.end) };
}
