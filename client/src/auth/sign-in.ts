// The sign-in form of team mode: name and password (from `npm run user:add`), shown as a modal
// dialog when the API answers 401. Resolves with the session, or null when the user cancels.
import { button, h, replaceChildren } from '../dom.js';

export interface SignedIn {
  mode: 'local' | 'team';
  user: { name: string; role: string } | null;
  csrfToken: string | null;
}

export function signInDialog(): Promise<SignedIn | null> {
  return new Promise((resolve) => {
    const name = h('input', { id: 'sign-in-name', type: 'text', attrs: { autocomplete: 'username', required: true, maxlength: 100 } });
    const password = h('input', {
      id: 'sign-in-password',
      type: 'password',
      attrs: { autocomplete: 'current-password', required: true, maxlength: 200 },
    });
    const message = h('p', { class: 'error-box', role: 'alert', hidden: true });
    const submit = h('button', { type: 'submit', class: 'primary-blue', attrs: { form: 'sign-in-form' } }, 'Sign in');
    let done = false;
    const finish = (session: SignedIn | null) => {
      if (done) return;
      done = true;
      dialog.close();
      dialog.remove();
      resolve(session);
    };
    const form = h(
      'form',
      {
        id: 'sign-in-form',
        on: {
          submit: (e) => {
            e.preventDefault();
            void send();
          },
        },
      },
      h('div', { class: 'field' }, h('label', { attrs: { for: 'sign-in-name' } }, 'Name'), name),
      h('div', { class: 'field' }, h('label', { attrs: { for: 'sign-in-password' } }, 'Password'), password),
      message,
    );
    const dialog = h(
      'dialog',
      { class: 'add-dialog sign-in-dialog', attrs: { 'aria-labelledby': 'sign-in-title' } },
      h(
        'header',
        { class: 'panel-head' },
        h('div', {}, h('p', { class: 'eyebrow' }, 'Team server'), h('h2', { id: 'sign-in-title' }, 'Sign in')),
      ),
      h(
        'div',
        { class: 'dialog-body' },
        h(
          'p',
          { class: 'muted intro' },
          'This server is shared by a team: sign in with the name and password you were given (npm run user:add).',
        ),
        form,
      ),
      h(
        'footer',
        { class: 'dialog-foot' },
        submit,
        button('Cancel', () => finish(null), { class: 'secondary' }),
      ),
    );
    dialog.addEventListener('cancel', () => finish(null));

    async function send(): Promise<void> {
      submit.disabled = true;
      message.hidden = true;
      try {
        const res = await fetch('/api/session', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
          body: JSON.stringify({ name: name.value, password: password.value }),
        });
        const body = (await res.json().catch(() => null)) as (SignedIn & { error?: string }) | null;
        if (res.ok && body) return finish(body);
        replaceChildren(message, body?.error ?? `sign-in failed (${res.status})`);
      } catch {
        replaceChildren(message, 'The server could not be reached.');
      } finally {
        submit.disabled = false;
      }
      message.hidden = false;
      password.select();
    }

    document.body.append(dialog);
    dialog.showModal();
    name.focus();
  });
}
