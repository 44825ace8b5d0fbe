// Zoom in, zoom out, fit the whole graph, and download what is on screen as a PNG. The buttons sit
// at the graph's right edge, left of the side panel when it is open.
import { button, h } from '../dom.js';
import type { GraphView } from '../graph-view/renderer.js';

export function navigation(view: GraphView): HTMLElement {
  const camera = () => view.sigma.getCamera();
  return h(
    'section',
    { class: 'nav-controls', attrs: { 'aria-label': 'Zoom and export' } },
    button('+', () => void camera().animatedZoom({ duration: 250 }), {
      class: 'nav-button zoom-in',
      title: 'Zoom in',
      attrs: { 'aria-label': 'Zoom in' },
    }),
    button('−', () => void camera().animatedUnzoom({ duration: 250 }), {
      class: 'nav-button zoom-out',
      title: 'Zoom out',
      attrs: { 'aria-label': 'Zoom out' },
    }),
    button('⤢', () => void camera().animatedReset({ duration: 300 }), {
      class: 'nav-button zoom-fit',
      title: 'Fit the whole graph in view',
      attrs: { 'aria-label': 'Fit the whole graph in view' },
    }),
    button('PNG', () => void downloadPng(view), {
      class: 'nav-button download-png',
      title: 'Download the view as a PNG image',
      attrs: { 'aria-label': 'Download the view as a PNG image' },
    }),
  );
}

/**
 * The view as one image: sigma draws in several stacked canvases (edges, nodes, labels, hover),
 * WebGL and 2D. They are redrawn and copied in the same task, before the browser may clear the
 * WebGL buffers, onto one white canvas.
 */
export function viewImage(view: GraphView): HTMLCanvasElement {
  const layers = [...view.container.querySelectorAll<HTMLCanvasElement>('canvas')].filter((c) => !c.classList.contains('sigma-mouse'));
  const width = Math.max(...layers.map((c) => c.width));
  const height = Math.max(...layers.map((c) => c.height));
  const out = document.createElement('canvas');
  out.width = width;
  out.height = height;
  const ctx = out.getContext('2d')!;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  view.sigma.refresh({ skipIndexation: true });
  for (const layer of layers) ctx.drawImage(layer, 0, 0, width, height);
  return out;
}

async function downloadPng(view: GraphView): Promise<void> {
  const canvas = viewImage(view);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) return;
  const url = URL.createObjectURL(blob);
  // Not through h(): its links refuse every scheme but http(s), and this blob: URL is our own image.
  const link = document.createElement('a');
  link.href = url;
  link.download = `concordance-${new Date().toISOString().slice(0, 19).replace(/[T:]/g, '-')}.png`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
