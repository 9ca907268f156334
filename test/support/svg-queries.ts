/**
 * Queries of the SVG pictures for test/svg.test.ts, over the tree of
 * test/xml.ts: elements by tag and class, a weight's label and its edge.
 */
import { findAll, textOf, type XmlElement } from './xml.js';

/** `x` as the pictures write it: `decimals` places, no trailing zeros, a true minus. */
export function written(x: number, decimals = 3): string {
  const text = String(Number(x.toFixed(decimals)));
  return text === '-0' ? '0' : text.replace('-', '\u2212');
}

/** Elements of `root` with the given tag and, optionally, class. */
export function elements(root: XmlElement, name: string, className?: string): XmlElement[] {
  return findAll(root, (e) => e.name === name && (className === undefined || e.attributes.class === className));
}

/** The weight label of `[layer][row][column]`: its text and the centre of its box. */
export function label(svg: XmlElement, layer: number, row: number, column: number): { text: string; x: number; y: number; w: number; h: number } {
  const [group] = elements(svg, 'g', 'weight').filter((g) => g.attributes['data-layer'] === String(layer) && g.attributes['data-row'] === String(row) && g.attributes['data-column'] === String(column));
  const rect = elements(group, 'rect')[0].attributes;
  const [w, h] = [Number(rect.width), Number(rect.height)];
  return { text: textOf(elements(group, 'text')[0]), x: Number(rect.x) + w / 2, y: Number(rect.y) + h / 2, w, h };
}

/** The distance from a point to the edge line of `[layer][row][column]`, and where along it (0 to 1). */
export function onEdge(svg: XmlElement, layer: number, row: number, column: number, x: number, y: number): { distance: number; t: number } {
  const [line] = elements(svg, 'line').filter((l) => l.attributes['data-layer'] === String(layer) && l.attributes['data-row'] === String(row) && l.attributes['data-column'] === String(column));
  const [x1, y1, x2, y2] = ['x1', 'y1', 'x2', 'y2'].map((k) => Number(line.attributes[k]));
  const t = ((x - x1) * (x2 - x1) + (y - y1) * (y2 - y1)) / ((x2 - x1) ** 2 + (y2 - y1) ** 2);
  return { distance: Math.hypot(x - (x1 + t * (x2 - x1)), y - (y1 + t * (y2 - y1))), t };
}

