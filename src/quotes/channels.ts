// Channels a statement passed through: settings ("press briefing", "interview") and outlets
// ("Anadolu Agency", "Fox News", "in a post on X"), found in a sentence's attribution words.
import type { Channel } from '../types.js';
import { OPENS } from './lexicon.js';
import { mentionsCovering, type DocView } from './view.js';

const PLATFORM_HEADS = new Set(['channel', 'account', 'page', 'feed', 'profile']);

export interface FoundChannel {
  channel: Channel;
  tokStart: number;
  tokEnd: number;
}

/** The entity a channel's words resolve to, when the entity layer has a mention there. */
function entityAt(v: DocView, start: number, end: number): string | null {
  return mentionsCovering(v.doc.mentions, start, end, start)[0]?.entity ?? null;
}

function found(v: DocView, kind: Channel['kind'], name: string, a: number, b: number): FoundChannel {
  const start = v.tokens[a]!.start;
  const end = v.tokens[b - 1]!.end;
  const channel: Channel = { name, kind, start, end };
  if (kind === 'outlet') channel.entity = entityAt(v, start, end);
  return { channel, tokStart: a, tokEnd: b };
}

/** Channels named by tokens [s0, s1) that are not excluded (statement content, quotations). */
export function sentenceChannels(v: DocView, s0: number, s1: number, excluded: (i: number) => boolean): FoundChannel[] {
  const out: FoundChannel[] = [];
  // A sentence names a channel or two: a linear check beats a Set made per sentence.
  const push = (f: FoundChannel) => {
    const name = f.channel.name.toLowerCase();
    if (!out.some((o) => o.channel.kind === f.channel.kind && o.channel.name.toLowerCase() === name)) out.push(f);
  };
  for (let i = s0; i < s1; i++) {
    if (v.quoteOf[i]! >= 0) continue;
    const opens = v.opens[i]!;
    // Only a setting, an outlet head or a capitalized word can name a channel.
    if (!(opens & (OPENS.setting | OPENS.outletHead)) && !v.isCapitalized(i)) continue;
    if (excluded(i)) continue;
    const setting = opens & OPENS.setting ? v.lex.settings.match(v.words, i, s1) : null;
    if (setting) {
      push(found(v, 'setting', setting.value, i, i + setting.length));
      i += setting.length - 1;
      continue;
    }
    const head = opens & OPENS.outletHead ? v.lex.outletHeads.match(v.words, i, s1) : null;
    if (head) {
      let j = i + head.length;
      if (v.words[j] === ',') j++;
      const named = v.isCapitalized(j) ? v.lex.outlets.match(v.words, j, s1) : null;
      if (named) push(found(v, 'outlet', named.value, j, j + named.length));
      else push(found(v, 'outlet', v.doc.text.slice(v.tokens[i]!.start, v.tokens[i + head.length - 1]!.end).toLowerCase(), i, i + head.length));
      i = (named ? j + named.length : i + head.length) - 1;
      continue;
    }
    if (!v.isCapitalized(i)) continue;
    const outlet = opens & OPENS.outlet ? v.lex.outlets.match(v.words, i, s1) : null;
    // "Economist Dewi Lestari": a title before a name, not the magazine.
    if (outlet && !(v.isTitle(i + outlet.length - 1) && v.isCapitalized(i + outlet.length))) {
      push(found(v, 'outlet', outlet.value, i, i + outlet.length));
      i += outlet.length - 1;
      continue;
    }
    // "on X." — the tokenizer may keep a sentence's final period on a one-letter word;
    // "the embassy's Telegram channel" names the platform too.
    const onPlatform = (opens & OPENS.platform) !== 0 && (v.words[i - 1] === 'on' || PLATFORM_HEADS.has(v.words[i + 1] ?? ''));
    const platform = onPlatform ? v.lex.platforms.match([v.words[i]!.replace(/\.$/, '')], 0) : null;
    if (platform) {
      push(found(v, 'outlet', v.lex.outletCanonical.get(platform.value) ?? platform.value, i, i + 1));
    }
  }
  return out;
}
