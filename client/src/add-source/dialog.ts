// The "Add source" dialog (issue #4): metadata and text (pasted or read from a .txt file), a progress
// bar fed by the server's streamed progress, then what was stored — or why it was refused, field by
// field. A modal <dialog>: focus stays inside, Esc closes it.
import { ApiError } from '../api.js';
import { button, h, replaceChildren } from '../dom.js';
import { currentReviewer } from '../review/reviewer.js';
import { percent } from '../truth/types.js';
import { sourceForm } from './form.js';
import { problemsOf, submitSource, type IngestSummary } from './submit.js';

export interface AddSourceHooks {
  /** The source is stored: refresh the graph and open its review queue (behind the dialog). */
  added(summary: IngestSummary): Promise<void>;
  /** Show an existing source (the duplicate a 409 names). */
  openSource(id: string): void;
  /** A source's title when the client knows it. */
  titleOf(id: string): string | null;
  /** Moves focus into the side panel (the review queue) once the dialog closes. */
  focusPanel(): void;
}

type Phase = 'sending' | 'extracting' | 'storing' | 'drawing' | 'done';

/** The share of the bar each phase fills (the text's extraction is most of the wait on a long text). */
const PHASES: Record<Exclude<Phase, 'sending'>, [number, number]> = {
  extracting: [0.02, 0.8],
  storing: [0.8, 0.9],
  drawing: [0.9, 0.99],
  done: [1, 1],
};

export class AddSourceDialog {
  readonly el: HTMLDialogElement;
  private readonly form = sourceForm(() => void this.submit());
  private readonly bar = h('progress', { class: 'upload-bar', attrs: { max: 1, 'aria-labelledby': 'add-progress-label' } });
  private readonly barLabel = h('span', { id: 'add-progress-label', class: 'progress-label' });
  private readonly progress = h('div', { class: 'upload-progress', hidden: true }, this.barLabel, this.bar);
  private readonly outcome = h('div', { class: 'add-outcome', attrs: { 'aria-live': 'polite' } });
  private readonly submitButton = h('button', { type: 'submit', class: 'primary-blue', attrs: { form: 'add-source-form' } }, 'Add source');
  private busy = false;
  /** What the bar shows now: it never goes back. */
  private shown = 0;

  constructor(private readonly hooks: AddSourceHooks) {
    this.form.el.id = 'add-source-form';
    this.el = h(
      'dialog',
      { class: 'add-dialog', attrs: { 'aria-labelledby': 'add-dialog-title' } },
      h(
        'header',
        { class: 'panel-head' },
        h('div', {}, h('p', { class: 'eyebrow' }, 'New source'), h('h2', { id: 'add-dialog-title' }, 'Add a source')),
        button('×', () => this.close(), { class: 'close', title: 'Close (Esc)', attrs: { 'aria-label': 'Close the dialog' } }),
      ),
      h(
        'div',
        { class: 'dialog-body' },
        h(
          'p',
          { class: 'muted intro' },
          'The text is stored exactly as given. Claims are extracted from it and compared with every other source; you then review each candidate.',
        ),
        this.form.el,
        this.progress,
        this.outcome,
      ),
      h(
        'footer',
        { class: 'dialog-foot' },
        this.submitButton,
        button('Cancel', () => this.close(), { class: 'secondary' }),
      ),
    );
    // Esc while extracting would hide a write in progress: keep the dialog until it ends.
    this.el.addEventListener('cancel', (e) => {
      if (this.busy) e.preventDefault();
    });
  }

  open(): void {
    if (!this.el.open) this.el.showModal();
    this.form.fields.title.focus();
  }

  close(): void {
    if (!this.busy) this.el.close();
  }

  /**
   * The bar follows the work that is really done, phase by phase: the server's share of the text
   * read (streamed), then storing and comparing (the server's write), then the graph redrawn. It
   * never goes back, and reaches 100 % only when the new claims are on screen. (Before, the
   * extraction's share was the whole bar: it sat at 100 % while the write and the redraw went on.)
   */
  private setProgress(phase: Phase, share = 0): void {
    this.progress.hidden = false;
    if (phase === 'sending') {
      // No value attribute: an indeterminate bar, until the server answers.
      this.bar.removeAttribute('value');
      this.shown = 0;
      this.barLabel.textContent = 'Sending…';
      return;
    }
    const [lo, hi] = PHASES[phase];
    this.shown = Math.max(this.shown, lo + (hi - lo) * Math.min(1, Math.max(0, share)));
    this.bar.value = this.shown;
    this.barLabel.textContent =
      phase === 'extracting'
        ? `Extracting claims… ${percent(share)} of the text read`
        : phase === 'storing'
          ? 'Storing the source and comparing its claims with the graph…'
          : phase === 'drawing'
            ? 'Drawing the new claims…'
            : 'Done: 100 %';
  }

  private async submit(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.submitButton.disabled = true;
    this.form.markProblem(null);
    replaceChildren(this.outcome);
    this.setProgress('sending');
    try {
      // The extraction's last line (all the text read) starts the server's write.
      const summary = await submitSource(this.form.value(), currentReviewer(), (share) =>
        share >= 1 ? this.setProgress('storing') : this.setProgress('extracting', share),
      );
      this.setProgress('drawing');
      await this.hooks.added(summary);
      this.setProgress('done');
      this.showAdded(summary);
    } catch (err) {
      this.progress.hidden = true;
      this.showError(err);
    } finally {
      this.busy = false;
      this.submitButton.disabled = false;
    }
  }

  private showAdded(s: IngestSummary): void {
    const n = s.claims.length;
    const conflicts = s.comparisons.filter((c) => c.verdict === 'conflicts').length;
    const start = button(
      n > 0 ? `Start reviewing (${n})` : 'Read the source',
      () => {
        this.el.close();
        this.hooks.focusPanel();
      },
      { class: 'primary-blue start-review' },
    );
    replaceChildren(
      this.outcome,
      h(
        'div',
        { class: 'add-success', role: 'status' },
        h(
          'p',
          {},
          h('strong', {}, `Stored “${s.source.title}”. `),
          n > 0 ? `${n} candidate claim${n === 1 ? '' : 's'} to review` : 'No candidate claim was found in the text',
          s.proposedEntities.length ? `, ${s.proposedEntities.length} proposed entit${s.proposedEntities.length === 1 ? 'y' : 'ies'}` : '',
          s.comparisons.length
            ? `; ${s.comparisons.length} comparison${s.comparisons.length === 1 ? '' : 's'} with other claims (${conflicts} in conflict)`
            : '',
          '.',
        ),
        s.warnings.length
          ? h(
              'ul',
              { class: 'warnings' },
              s.warnings.map((w) => h('li', {}, w)),
            )
          : null,
        h('p', { class: 'actions-row' }, start),
      ),
    );
    this.form.el.reset();
    start.focus();
  }

  private showError(err: unknown): void {
    const e = err instanceof ApiError ? err : new ApiError(0, err instanceof Error ? err.message : String(err));
    const box = h('div', { class: 'error-box add-error', role: 'alert' });
    if (e.status === 409) {
      const existing = String((e.details as { existing?: unknown } | null)?.existing ?? '');
      const title = this.hooks.titleOf(existing) ?? existing;
      replaceChildren(
        box,
        h('strong', {}, 'Already stored. '),
        'This text is already in the graph as the source ',
        h(
          'a',
          {
            class: 'existing-source',
            href: `?node=source:${encodeURIComponent(existing)}&panel=details`,
            on: {
              click: (ev) => {
                ev.preventDefault();
                this.el.close();
                this.hooks.openSource(existing);
              },
            },
          },
          `“${title}”`,
        ),
        '.',
      );
    } else if (e.status === 400) {
      const problems = problemsOf(e.details);
      for (const p of problems) this.form.markProblem(p.field, p.message);
      replaceChildren(
        box,
        h('strong', {}, 'The server refused the source:'),
        problems.length
          ? h(
              'ul',
              { class: 'problems' },
              problems.map((p) => h('li', { attrs: { 'data-field': p.field } }, h('strong', {}, `${fieldLabel(p.field)}: `), p.message)),
            )
          : ` ${e.message}`,
      );
      const first = problems.map((p) => this.form.fields[p.field as keyof typeof this.form.fields]).find(Boolean);
      first?.focus();
    } else {
      replaceChildren(box, h('strong', {}, `Could not add the source${e.status ? ` (HTTP ${e.status})` : ''}. `), e.message);
    }
    replaceChildren(this.outcome, box);
  }
}

const LABELS: Record<string, string> = {
  title: 'Title',
  publisher: 'Publisher',
  kind: 'Kind',
  author: 'Author',
  url: 'Address (URL)',
  published: 'Published',
  text: 'Text',
};

function fieldLabel(field: string): string {
  return LABELS[field] ?? field;
}
