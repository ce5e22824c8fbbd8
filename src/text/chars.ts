// Character classes the tokenizer and splitters test on every character: ASCII is decided
// by code ranges, the rest by one Unicode property test.

const WORD_RE = /[\p{L}\p{N}\p{M}]/u;
const UPPER_RE = /\p{Lu}/u;

export function isWordCode(code: number, ch: string): boolean {
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return WORD_RE.test(ch);
}

export function isWordAt(text: string, i: number): boolean {
  return isWordCode(text.charCodeAt(i), text[i]!);
}

export function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}

export function isUpperCh(ch: string): boolean {
  const code = ch.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90;
  return UPPER_RE.test(ch);
}

export function isSpaceCode(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 160 || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x3000 || code === 0xfeff || (code >= 0x2000 && code <= 0x200b) || code === 0x1680;
}

/** Apostrophes: the typewriter ' and the typographic ’ (also the closing single quote). */
export function isApostropheCode(code: number): boolean {
  return code === 39 || code === 0x2019;
}
