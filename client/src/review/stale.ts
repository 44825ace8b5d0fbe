// What a 412 shows: someone else wrote this claim since it was read. The claim as it now is, and
// the choice to apply this decision on top of it or to leave theirs.
import type { Claim } from '../api.js';
import { button, h } from '../dom.js';
import { definition } from '../panels/widgets.js';
import { describeValue } from './value-fields.js';

const ACTION_WORDS: Record<string, string> = { accept: 'acceptance', reject: 'rejection', edit: 'edit' };

export function staleBox(
  current: Claim,
  entityLabel: (id: string) => string,
  on: { retry(): void; dismiss(): void },
  action: string,
): HTMLElement {
  const retry = button(`Apply my ${ACTION_WORDS[action] ?? action} to this version`, on.retry, { class: 'primary-blue small stale-retry' });
  const box = h(
    'div',
    { class: 'stale-box', role: 'alert' },
    h(
      'p',
      {},
      h('strong', {}, 'Someone else changed this claim'),
      ` while you were reviewing it. Your ${ACTION_WORDS[action] ?? action} was not saved. This is the claim now:`,
    ),
    definition([
      ['Version', String(current.version ?? 1)],
      ['Status', current.status],
      ['Wording', current.wording],
      ['Value', describeValue(current.value, entityLabel)],
      ['About', entityLabel(current.subject)],
      ['Note', current.note ?? null],
    ]),
    h('p', { class: 'actions-row' }, retry, button('Keep their version', on.dismiss, { class: 'secondary small' })),
  );
  queueMicrotask(() => retry.focus());
  return box;
}
