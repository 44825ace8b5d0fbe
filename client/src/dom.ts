// The only way the client builds DOM: elements with attributes and text nodes. Strings always become
// text (textContent / createTextNode), never markup, so a source containing <script> stays text.

export type Child = Node | string | number | null | undefined | false | readonly Child[];

export interface Props {
  class?: string;
  id?: string;
  title?: string;
  role?: string;
  hidden?: boolean;
  tabIndex?: number;
  type?: string;
  href?: string;
  /** Extra attributes (aria-*, data-*, ...). Event-handler attributes are refused. */
  attrs?: Record<string, string | number | boolean | null | undefined>;
  on?: { [K in keyof HTMLElementEventMap]?: (event: HTMLElementEventMap[K]) => void };
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.class) el.className = props.class;
  if (props.id) el.id = props.id;
  if (props.title) el.title = props.title;
  if (props.role) el.setAttribute('role', props.role);
  if (props.hidden) el.hidden = true;
  if (props.tabIndex !== undefined) el.tabIndex = props.tabIndex;
  if (props.type) el.setAttribute('type', props.type);
  if (props.href !== undefined) el.setAttribute('href', safeHref(props.href));
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (/^on/i.test(name) || name === 'style' || name === 'srcdoc') throw new Error(`refusing attribute ${name}`);
    el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const [type, handler] of Object.entries(props.on ?? {})) {
    el.addEventListener(type, handler as EventListener);
  }
  append(el, children);
  return el;
}

export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else if (child instanceof Node) parent.appendChild(child);
    else parent.appendChild(document.createTextNode(String(child)));
  }
}

/** Replaces every child of `parent` with `children`. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

/** A real <button type="button">. */
export function button(label: Child, onClick: (event: MouseEvent) => void, props: Props = {}): HTMLButtonElement {
  return h('button', { type: 'button', ...props, on: { ...props.on, click: onClick } }, label);
}

/** Links only to http(s) pages or to in-app paths; anything else (javascript:, data:) becomes inert. */
export function safeHref(href: string): string {
  try {
    const url = new URL(href, location.href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : '#';
  } catch {
    return '#';
  }
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`missing #${id} in index.html`);
  return el as T;
}
