/** Reading vega-lite specs in tests. */
import type { TopLevelSpec } from 'vega-lite';

export type Json = Record<string, any>;

export function values(spec: TopLevelSpec | Json): Json[] {
  return (spec as Json).data.values as Json[];
}

export function layers(spec: TopLevelSpec | Json): Json[] {
  return (spec as Json).layer as Json[];
}

/** Every key anywhere in the spec (to prove there is no `url`). */
export function allKeys(x: unknown, out: Set<string> = new Set()): Set<string> {
  if (Array.isArray(x)) for (const v of x) allKeys(v, out);
  else if (x !== null && typeof x === 'object') {
    for (const [k, v] of Object.entries(x)) {
      out.add(k);
      allKeys(v, out);
    }
  }
  return out;
}

/** Every font size set anywhere in the spec's config and marks. */
export function fontSizes(x: unknown, out: number[] = []): number[] {
  if (Array.isArray(x)) for (const v of x) fontSizes(v, out);
  else if (x !== null && typeof x === 'object') {
    for (const [k, v] of Object.entries(x)) {
      if (/fontsize$/i.test(k) && typeof v === 'number') out.push(v);
      else fontSizes(v, out);
    }
  }
  return out;
}

/** The first layer whose mark type is `type` (and that passes `filter`). */
export function layerOf(spec: TopLevelSpec | Json, type: string, filter: (l: Json) => boolean = () => true): Json {
  const found = layers(spec).find((l) => (typeof l.mark === 'string' ? l.mark : l.mark.type) === type && filter(l));
  if (found === undefined) throw new Error(`no ${type} layer`);
  return found;
}
