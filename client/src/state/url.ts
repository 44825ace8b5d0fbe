// The view state as a URL query, normalised: defaults are dropped, keys come in a fixed order and
// the camera is rounded, so the same view always gives the same short link.
import { DEFAULT_CAMERA, DEFAULT_STATE, NODE_KINDS, isNodeKind, type CameraView, type PanelName, type ViewState } from './types.js';

const KEY = /^[\w.:-]{1,300}$/;

export function parseQuery(search: string): ViewState {
  const q = new URLSearchParams(search);
  const node = keyParam(q.get('node'));
  const edge = node ? null : keyParam(q.get('edge'));
  const hiddenRaw = (q.get('hide') ?? '').split(',').filter(isNodeKind);
  const panel = q.get('panel');
  return {
    node,
    edge,
    hidden: NODE_KINDS.filter((k) => hiddenRaw.includes(k)),
    lens: q.get('lens') === '1',
    list: q.get('list') === '1',
    timeline: q.get('timeline') === '1',
    // The reader and the review queue belong to a node's source: with only an edge, show its details.
    panel: (node || edge) && isPanel(panel) ? (panel !== 'details' && !node ? 'details' : panel) : null,
    camera: parseCamera(q.get('cam')),
    full: q.get('full') === '1',
    overview: q.get('full') !== '1' && q.get('overview') === '1',
  };
}

export function toQuery(state: ViewState): string {
  const parts: string[] = [];
  const put = (name: string, value: string) => parts.push(`${name}=${encode(value)}`);
  if (state.node) put('node', state.node);
  else if (state.edge) put('edge', state.edge);
  if ((state.node || state.edge) && state.panel) put('panel', state.panel);
  if (state.lens) put('lens', '1');
  if (state.list) put('list', '1');
  if (state.timeline) put('timeline', '1');
  if (state.full) put('full', '1');
  else if (state.overview) put('overview', '1');
  const hidden = NODE_KINDS.filter((k) => state.hidden.includes(k));
  if (hidden.length > 0) put('hide', hidden.join(','));
  const cam = state.camera && normaliseCamera(state.camera);
  if (cam && !sameCamera(cam, DEFAULT_CAMERA)) put('cam', `${cam.x},${cam.y},${cam.ratio}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

/** Applies the same normalisation as a round trip through the URL. */
export function normalise(state: ViewState): ViewState {
  return parseQuery(toQuery(state));
}

export function normaliseCamera(c: CameraView): CameraView {
  return { x: round(c.x, 4), y: round(c.y, 4), ratio: round(c.ratio, 4) };
}

export function sameCamera(a: CameraView | null, b: CameraView | null): boolean {
  const x = a ?? DEFAULT_CAMERA;
  const y = b ?? DEFAULT_CAMERA;
  return round(x.x, 4) === round(y.x, 4) && round(x.y, 4) === round(y.y, 4) && round(x.ratio, 4) === round(y.ratio, 4);
}

export function sameState(a: ViewState, b: ViewState): boolean {
  return toQuery(a) === toQuery(b);
}

function parseCamera(raw: string | null): CameraView | null {
  if (!raw) return null;
  const [x, y, ratio] = raw.split(',').map(Number);
  if (![x, y, ratio].every((n) => typeof n === 'number' && Number.isFinite(n)) || ratio! <= 0) return null;
  const cam = normaliseCamera({ x: x!, y: y!, ratio: ratio! });
  return sameCamera(cam, DEFAULT_CAMERA) ? null : cam;
}

function keyParam(raw: string | null): string | null {
  return raw && KEY.test(raw) ? raw : null;
}

function isPanel(value: string | null): value is PanelName {
  return value === 'details' || value === 'reader' || value === 'review';
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** Percent-encodes what a query value needs, leaving ':' and ',' readable. */
function encode(value: string): string {
  return encodeURIComponent(value).replace(/%3A/gi, ':').replace(/%2C/gi, ',');
}

export { DEFAULT_STATE };
