// User search text → an FTS5 MATCH expression that cannot be a syntax error: words become quoted
// terms (all required), "quoted phrases" stay phrases, and a trailing * keeps prefix search.

export function ftsQuery(input: string): string | null {
  const parts: string[] = [];
  const re = /"([^"]*)"|([^\s"]+)/g;
  for (let m = re.exec(input); m; m = re.exec(input)) {
    if (m[1] !== undefined) {
      const words = m[1].match(/[\p{L}\p{N}]+/gu);
      if (words) parts.push(`"${words.join(' ')}"`);
      continue;
    }
    const raw = m[2]!;
    const words = raw.match(/[\p{L}\p{N}]+/gu);
    if (!words) continue;
    const prefix = raw.endsWith('*') ? '*' : '';
    // "U.S.-Russia" is one phrase of its words, the way the tokenizer indexed it.
    parts.push(words.length > 1 ? `"${words.join(' ')}"${prefix}` : `"${words[0]}"${prefix}`);
  }
  return parts.length ? parts.join(' ') : null;
}
