import type { Analysis, Quote } from '../../types.js';
import { html, Html, jsonForScript } from '../html.js';

/** Colours per speaker, chosen for contrast on white and distinct from each other. */
const PALETTE = ['#fde68a', '#bfdbfe', '#bbf7d0', '#fecaca', '#ddd6fe', '#fed7aa', '#a5f3fc', '#f5d0fe'];

interface Mark {
  start: number;
  end: number;
  kind: 'quote' | 'cue' | 'mention' | 'event';
  ref: string;
}

function speakerKey(q: Quote): string {
  return q.speaker?.entity ?? q.speaker?.name ?? '(unattributed)';
}

/** Colour index per speaker, in order of first statement. */
export function speakerColours(analysis: Analysis): Map<string, string> {
  const colours = new Map<string, string>();
  for (const q of analysis.quotes) {
    const key = speakerKey(q);
    if (!colours.has(key)) colours.set(key, PALETTE[colours.size % PALETTE.length]!);
  }
  return colours;
}

function marksOf(a: Analysis): Mark[] {
  const marks: Mark[] = [];
  for (const q of a.quotes) {
    marks.push({ start: q.start, end: q.end, kind: 'quote', ref: q.id });
    if (q.cue) marks.push({ start: q.cue.start, end: q.cue.end, kind: 'cue', ref: q.id });
  }
  for (const e of a.entities) for (const m of e.mentions) marks.push({ start: m.start, end: m.end, kind: 'mention', ref: e.id });
  for (const v of a.events) marks.push({ start: v.start, end: v.end, kind: 'event', ref: v.id });
  return marks.filter((m) => m.end > m.start && m.start >= 0 && m.end <= a.text.length);
}

/**
 * The article text with its annotations as nested-free spans: the text is cut at every
 * annotation boundary and each piece carries the annotations covering it, so overlapping
 * layers (a mention inside a quote inside an event's evidence) all stay visible.
 */
export function renderAnnotatedText(a: Analysis): Html {
  const marks = marksOf(a);
  const cuts = new Set<number>([0, a.text.length]);
  for (const m of marks) {
    cuts.add(m.start);
    cuts.add(m.end);
  }
  const points = [...cuts].sort((x, y) => x - y);
  const colours = speakerColours(a);
  const quoteById = new Map(a.quotes.map((q) => [q.id, q]));
  const opened = new Set<string>();
  const pieces: Html[] = [];
  // Marks sorted by start let each piece find its covering marks without rescanning all of them.
  const byStart = [...marks].sort((x, y) => x.start - y.start);
  let active: Mark[] = [];
  let next = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i]!;
    const to = points[i + 1]!;
    active = active.filter((m) => m.end > from);
    while (next < byStart.length && byStart[next]!.start <= from) {
      if (byStart[next]!.end > from) active.push(byStart[next]!);
      next++;
    }
    const text = a.text.slice(from, to);
    if (active.length === 0) {
      pieces.push(html`${text}`);
      continue;
    }
    const classes: string[] = [];
    const data: string[] = [];
    let style = '';
    let focusable = false;
    for (const m of active) {
      classes.push(m.kind);
      data.push(`${m.kind}:${m.ref}`);
      if (m.kind === 'quote') {
        const q = quoteById.get(m.ref)!;
        style = `background:${colours.get(speakerKey(q))}`;
        if (!opened.has(m.ref)) {
          opened.add(m.ref);
          focusable = true;
        }
      }
    }
    pieces.push(
      html`<span class="${[...new Set(classes)].join(' ')}" data-refs="${data.join(' ')}" style="${style}"${
        focusable ? new Html(' tabindex="0" role="button"') : ''
      }>${text}</span>`,
    );
  }
  return html`<div class="article-text" id="article-text">${pieces}</div>`;
}

export function renderLegend(a: Analysis): Html {
  const colours = speakerColours(a);
  const names = new Map<string, string>();
  for (const q of a.quotes) names.set(speakerKey(q), q.speaker?.name ?? '(unattributed)');
  // Only a speaker resolved to an entity has a page; an unresolved one ("they") is named, not linked.
  return html`<ul class="legend" aria-label="Speakers">${[...colours].map(([key, colour]) => {
    const entity = a.entities.find((e) => e.id === key);
    const label = entity ? html`<a href="/entities/${encodeURIComponent(entity.name)}">${entity.name}</a>` : (names.get(key) ?? key);
    return html`<li><span class="swatch" style="background:${colour}"></span>${label}</li>`;
  })}</ul>`;
}

/** The analysis embedded for the page script's detail panel (escaped for a script element). */
export function analysisData(a: Analysis): Html {
  return html`<script type="application/json" id="analysis-data">${jsonForScript({
    quotes: a.quotes,
    events: a.events,
    entities: a.entities.map((e) => ({ id: e.id, name: e.name, type: e.type, actor: e.actor, roles: e.roles })),
  })}</script>`;
}
