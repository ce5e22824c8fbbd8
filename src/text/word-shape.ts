// Word shapes, features of both taggers (NER and POS): what a word looks like, not what it says.

/** Long shape: letters and digits mapped to X x d, other characters kept, at most 12 chars. */
export function shapeOf(w: string): string {
  let s = '';
  for (let i = 0; i < w.length && i < 12; i++) {
    const ch = w[i]!;
    const c = w.charCodeAt(i);
    if (c >= 48 && c <= 57) s += 'd';
    else if (ch !== ch.toLowerCase()) s += 'X';
    else if (ch !== ch.toUpperCase()) s += 'x';
    else s += ch;
  }
  return s;
}

/** Short shape: runs of the same class collapsed ("McDonald's" → "XxXx'x"). */
export function shortShapeOf(shape: string): string {
  let s = '';
  for (let i = 0; i < shape.length; i++) if (i === 0 || shape[i] !== shape[i - 1]) s += shape[i];
  return s;
}
