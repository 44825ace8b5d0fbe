// The review queue of one source (issue #4): every extracted claim in text order, shown one at a
// time with its quote; accept (a), reject (r), edit (e), next / previous (j / k). Each write sends
// If-Match with the claim's version; a 412 shows the claim as it now is and offers to retry on it.
// After each write the graph is re-fetched (a 304 when nothing changed) in place.
import { api, type ClaimPatch, type SourceDetail } from '../api.js';
import { button, h, replaceChildren } from '../dom.js';
import { announce } from '../keyboard.js';
import type { PanelContent, PanelContext } from '../panels/context.js';
import { errorBox } from '../panels/widgets.js';
import { candidateCard, statusBadge } from './candidate-card.js';
import { fetchClaim, patchClaim, StaleClaim } from './claim-api.js';
import { editForm } from './edit-form.js';
import { ReviewQueue, type Candidate, type Decision } from './queue.js';
import { reviewerRow } from './reviewer-row.js';
import { staleBox } from './stale.js';

export async function reviewPanel(ctx: PanelContext, sourceId: string): Promise<PanelContent> {
  const source = await api.source(sourceId);
  const ui = new ReviewUI(ctx, source);
  return { eyebrow: 'Review queue', title: source.title, body: ui.el, dispose: () => ui.dispose() };
}

const KEYS: Record<string, string> = { a: 'accept', r: 'reject', e: 'edit', j: 'next', k: 'previous' };

class ReviewUI {
  readonly el: HTMLElement;
  private readonly counter = h('p', { class: 'review-counter', role: 'status' });
  private readonly bar = h('progress', { class: 'review-bar', attrs: { max: 1, 'aria-hidden': 'true' } });
  private readonly card = h('div', { class: 'candidate-slot' });
  private readonly message = h('div', { class: 'review-message' });
  private readonly list = h('ol', { class: 'queue-items', attrs: { 'aria-label': 'Candidates' } });
  private readonly reviewer: ReturnType<typeof reviewerRow>;
  private readonly buttons: HTMLButtonElement[];
  private busy = false;
  private editing = false;
  /** A decision asked for before the reviewer's name was known: made once the name is saved. */
  private pending: (() => void) | null = null;
  queue: ReviewQueue;
  private readonly onKey = (e: KeyboardEvent) => this.key(e);

  constructor(
    private readonly ctx: PanelContext,
    private readonly source: SourceDetail,
  ) {
    this.queue = new ReviewQueue(source.spans);
    const queue = this.queue;
    this.reviewer = reviewerRow(() => {
      const run = this.pending;
      this.pending = null;
      run?.();
    });
    const rejected = source.spans.filter((s) => s.status === 'rejected').length;
    const showRejected = h('input', {
      type: 'checkbox',
      id: 'review-show-rejected',
      on: { change: () => this.rebuild(showRejected.checked) },
    });
    const act = (label: string, key: string, run: () => void, cls = 'secondary') =>
      button([label, ' ', h('kbd', {}, key)], run, { class: `${cls} review-${KEYS[key]}`, attrs: { 'aria-keyshortcuts': key } });
    this.buttons = [
      act('Accept', 'a', () => void this.decide('accept'), 'primary-blue'),
      act('Reject', 'r', () => void this.decide('reject')),
      act('Edit', 'e', () => this.edit()),
      act('Previous', 'k', () => this.move(-1)),
      act('Next', 'j', () => this.move(1)),
    ];
    this.body = h('div', { class: 'review-body' });
    this.el = h(
      'div',
      { class: 'review' },
      h('div', { class: 'review-top' }, this.counter, this.bar),
      this.reviewer.el,
      rejected > 0
        ? h(
            'p',
            { class: 'review-filter' },
            showRejected,
            ' ',
            h(
              'label',
              { attrs: { for: showRejected.id } },
              `Show the ${rejected} rejected claim${rejected === 1 ? '' : 's'} too (to look at, or accept after all)`,
            ),
          )
        : null,
      this.body,
    );
    this.fillBody();
    document.addEventListener('keydown', this.onKey);
    this.render();
    void this.load(queue.current);
  }

  private readonly body: HTMLElement;

  private fillBody(): void {
    replaceChildren(
      this.body,
      this.queue.size === 0
        ? h('p', { class: 'muted' }, 'No extracted claim of this source awaits review.')
        : [
            this.card,
            this.message,
            h('p', { class: 'actions-row review-actions' }, this.buttons),
            h('h3', { class: 'mini-title' }, 'All candidates'),
            this.list,
          ],
    );
  }

  /** The queue again, with or without the rejected claims, on the same candidate when it is still in it. */
  private rebuild(includeRejected: boolean): void {
    const current = this.queue.current?.id;
    const known = new Map(this.queue.items.map((c) => [c.id, c]));
    // Statuses decided in this panel since it opened are newer than the source's spans.
    const spans = this.source.spans.map((s) => ({ ...s, status: known.get(s.claim)?.status ?? s.status }));
    this.queue = new ReviewQueue(spans, { includeRejected });
    for (const c of this.queue.items) {
      const old = known.get(c.id);
      if (old?.claim && old.etag) this.queue.update(c.id, old.claim, old.etag, old.decision ?? undefined);
    }
    if (current) this.queue.goTo(current);
    this.editing = false;
    replaceChildren(this.message);
    this.fillBody();
    this.render();
    void this.load(this.queue.current);
  }

  dispose(): void {
    document.removeEventListener('keydown', this.onKey);
  }

  private entityLabel = (id: string): string => {
    const key = `entity:${id}`;
    return this.ctx.graph.hasNode(key) ? this.ctx.graph.getNodeAttribute(key, 'fullLabel') : id;
  };

  private key(e: KeyboardEvent): void {
    const action = KEYS[e.key];
    if (!action || e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || !this.el.isConnected || this.editing) return;
    const t = e.target as HTMLElement | null;
    if (t && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName))) return;
    if (document.querySelector('dialog[open]')) return;
    e.preventDefault();
    this.buttons.find((b) => b.classList.contains(`review-${action}`))?.click();
  }

  private render(): void {
    const { queue } = this;
    this.counter.textContent = queue.size ? `${queue.counter} · candidate ${queue.index + 1} of ${queue.size}` : 'Nothing to review';
    this.bar.value = queue.size ? queue.reviewed / queue.size : 1;
    const c = queue.current;
    if (!c) return;
    if (!this.editing) replaceChildren(this.card, candidateCard(c, this.source.text, this.entityLabel));
    for (const b of this.buttons) b.disabled = this.busy || this.editing;
    replaceChildren(
      this.list,
      queue.items.map((item, i) =>
        h(
          'li',
          { class: i === queue.index ? 'current' : '' },
          button([statusBadge(item), ' ', h('span', { class: 'queue-quote' }, snippet(this.source.text, item))], () => this.jump(item.id), {
            class: 'queue-item',
            attrs: { 'data-claim': item.id, 'aria-current': i === queue.index ? 'true' : null },
          }),
        ),
      ),
    );
    if (queue.reviewed === queue.size) {
      replaceChildren(
        this.message,
        h(
          'p',
          { class: 'review-done', role: 'status' },
          `All ${queue.size} candidates reviewed. `,
          button('Read the source', () => this.ctx.store.update({ panel: 'details' }), { class: 'linkish' }),
        ),
      );
    }
  }

  private async load(c: Candidate | undefined): Promise<void> {
    if (!c || c.claim) return;
    try {
      const { claim, etag } = await fetchClaim(c.id);
      this.queue.update(c.id, claim, etag);
      if (this.queue.current === c) this.render();
    } catch (err) {
      if (this.queue.current === c) replaceChildren(this.card, errorBox(err, 'this claim'));
    }
  }

  private move(step: 1 | -1): void {
    if (!this.queue.move(step)) return;
    this.afterMove();
  }

  private jump(id: string): void {
    if (this.queue.goTo(id)) this.afterMove();
  }

  private afterMove(): void {
    this.editing = false;
    replaceChildren(this.message);
    this.render();
    void this.load(this.queue.current);
  }

  private async decide(
    action: 'accept' | 'reject',
    patch: ClaimPatch = { action },
    decision: Decision = action === 'accept' ? 'accepted' : 'rejected',
  ): Promise<void> {
    const c = this.queue.current;
    if (!c || this.busy) return;
    const name = this.reviewer.require();
    if (!name) {
      // The key that asked for the decision is not lost: it is made once the name is saved.
      this.pending = () => void this.decide(action, patch, decision);
      return;
    }
    this.busy = true;
    this.render();
    try {
      if (!c.etag) await this.load(c);
      const written = await patchClaim(c.id, c.etag!, patch, name);
      // An edit may change the subject or property: read the labels back.
      const next = patch.action === 'edit' ? await fetchClaim(c.id) : { claim: { ...c.claim!, ...written.claim }, etag: written.etag };
      this.queue.update(c.id, next.claim, next.etag, decision);
      announce(`${decision}: ${next.claim.wording}. ${this.queue.counter}.`);
      replaceChildren(this.message);
      this.editing = false;
      void this.ctx.actions.afterWrite().catch((err: unknown) => console.error('graph refresh failed', err));
      if (this.queue.current === c) this.queue.advance();
      void this.load(this.queue.current);
    } catch (err) {
      // A refused edit keeps its form open, with the reason above it; anything else closes it.
      if (patch.action !== 'edit' || err instanceof StaleClaim) this.editing = false;
      if (err instanceof StaleClaim) {
        this.queue.update(c.id, { ...c.claim!, ...err.current }, err.etag);
        replaceChildren(
          this.message,
          staleBox(
            err.current,
            this.entityLabel,
            {
              retry: () => void this.decide(action, patch, decision),
              dismiss: () => replaceChildren(this.message),
            },
            patch.action,
          ),
        );
      } else {
        replaceChildren(this.message, errorBox(err, 'the decision (not saved)'));
      }
    } finally {
      this.busy = false;
      this.render();
    }
  }

  private edit(): void {
    const c = this.queue.current;
    if (!c?.claim || this.busy) return;
    const properties = new Map<string, string>();
    this.ctx.graph.forEachNode((_k, a) => {
      if (a.kind === 'claim' && typeof a.property === 'string') properties.set(a.property, String(a.propertyLabel ?? a.property));
    });
    const form = editForm(c.claim, {
      properties,
      entityLabel: this.entityLabel,
      save: (patch) => void this.decide('accept', patch, 'edited'),
      cancel: () => {
        this.editing = false;
        this.render();
        this.buttons[2]?.focus();
      },
    });
    this.editing = true;
    this.render();
    replaceChildren(this.card, candidateCard(c, this.source.text, this.entityLabel), form.el);
    form.focus();
  }
}

function snippet(text: string, c: Candidate): string {
  const quote = text.slice(c.start, c.end).replace(/\s+/g, ' ').trim();
  return quote.length > 90 ? `${quote.slice(0, 89)}…` : quote;
}
