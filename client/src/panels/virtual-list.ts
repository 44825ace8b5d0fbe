// A list of thousands of items read from the server a page at a time: only the rows in view (and a
// few either side) exist in the DOM, each at a fixed height, over a spacer as tall as the whole
// list, so the scrollbar tells how long it is. Pages are fetched as the user scrolls to them.
import { h, replaceChildren } from '../dom.js';

export interface Page<T> {
  count: number;
  items: T[];
}

export interface VirtualListOptions<T> {
  rowHeight: number;
  pageSize: number;
  /** Space below each row, inside its rowHeight. */
  gap?: number;
  /** Rows drawn above and below the visible ones. */
  overscan?: number;
  fetchPage(offset: number, limit: number): Promise<Page<T>>;
  renderRow(item: T, index: number): HTMLElement;
  /** What shows while a page is on its way, or when the list is empty. */
  placeholder(index: number): HTMLElement;
  empty(): HTMLElement;
  onCount?(count: number): void;
  onError?(err: unknown): void;
}

export class VirtualList<T> {
  readonly el: HTMLElement;
  private readonly spacer = h('div', { class: 'vlist-spacer' });
  private pages = new Map<number, T[] | Promise<void>>();
  private total = -1;
  private generation = 0;
  private frame = 0;
  private readonly rows = new Map<number, HTMLElement>();

  constructor(private readonly o: VirtualListOptions<T>) {
    this.el = h('div', { class: 'vlist', attrs: { role: 'list' }, on: { scroll: () => this.schedule() } }, this.spacer);
    new ResizeObserver(() => this.schedule()).observe(this.el);
  }

  get count(): number {
    return Math.max(0, this.total);
  }

  /** The item at an index when its page is loaded. */
  itemAt(index: number): T | undefined {
    const page = this.pages.get(Math.floor(index / this.o.pageSize));
    return Array.isArray(page) ? page[index % this.o.pageSize] : undefined;
  }

  /** Forgets every page (the filters or the order changed) and reads the first again. */
  reset(): Promise<void> {
    this.generation++;
    this.pages = new Map();
    this.total = -1;
    this.el.scrollTop = 0;
    this.clearRows();
    return this.load(0);
  }

  /** Redraws the rows in view from the pages held (a selection changed what they mark). */
  redraw(): void {
    this.clearRows();
    this.draw();
  }

  scrollToIndex(index: number): void {
    this.el.scrollTop = Math.max(0, index * this.o.rowHeight - this.el.clientHeight / 3);
    this.schedule();
  }

  private clearRows(): void {
    for (const row of this.rows.values()) row.remove();
    this.rows.clear();
  }

  private load(pageIndex: number): Promise<void> {
    const held = this.pages.get(pageIndex);
    if (held) return held instanceof Promise ? held : Promise.resolve();
    const generation = this.generation;
    const task = this.o.fetchPage(pageIndex * this.o.pageSize, this.o.pageSize).then(
      (page) => {
        if (generation !== this.generation) return;
        this.pages.set(pageIndex, page.items);
        if (page.count !== this.total) {
          this.total = page.count;
          this.spacer.style.height = `${page.count * this.o.rowHeight}px`;
          this.o.onCount?.(page.count);
        }
        // Rows drawn as placeholders for this page are replaced.
        for (const [index, row] of this.rows) {
          if (Math.floor(index / this.o.pageSize) === pageIndex) {
            row.remove();
            this.rows.delete(index);
          }
        }
        this.draw();
      },
      (err: unknown) => {
        if (generation !== this.generation) return;
        this.pages.delete(pageIndex);
        this.o.onError?.(err);
      },
    );
    this.pages.set(pageIndex, task);
    return task;
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  private draw(): void {
    if (this.total < 0) return;
    if (this.total === 0) {
      replaceChildren(this.el, this.spacer, this.o.empty());
      return;
    }
    this.el.querySelector(':scope > .vlist-empty')?.remove();
    const { rowHeight, pageSize } = this.o;
    const overscan = this.o.overscan ?? 4;
    const first = Math.max(0, Math.floor(this.el.scrollTop / rowHeight) - overscan);
    const last = Math.min(
      this.total - 1,
      Math.ceil((this.el.scrollTop + Math.max(this.el.clientHeight, rowHeight)) / rowHeight) + overscan,
    );
    for (const [index, row] of this.rows) {
      if (index < first || index > last) {
        row.remove();
        this.rows.delete(index);
      }
    }
    for (let index = first; index <= last; index++) {
      if (this.rows.has(index)) continue;
      const item = this.itemAt(index);
      if (item === undefined) void this.load(Math.floor(index / pageSize));
      const row = item === undefined ? this.o.placeholder(index) : this.o.renderRow(item, index);
      row.classList.add('vlist-row');
      row.style.top = `${index * rowHeight}px`;
      row.style.height = `${rowHeight - (this.o.gap ?? 8)}px`;
      row.setAttribute('role', 'listitem');
      row.dataset.index = String(index);
      this.rows.set(index, row);
      this.spacer.append(row);
    }
  }
}
