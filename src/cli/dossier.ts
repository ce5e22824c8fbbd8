// The readable dossier of one analysed article (`parley analyze --format text`): who is in it,
// who said what, events, issues. It only shows what the analysis holds; an empty layer says so.
import type { Analysis, Entity, EventActor, PoliticalEvent, Quote } from '../types.js';

const WIDTH = 100;

/** Word-wraps `text` to WIDTH columns, every line indented by `indent`. */
export function wrap(text: string, indent: string): string {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line && indent.length + line.length + 1 + w.length > WIDTH) {
      lines.push(indent + line);
      line = w;
    } else {
      line = line ? `${line} ${w}` : w;
    }
  }
  if (line) lines.push(indent + line);
  return lines.join('\n');
}

function slice(a: Analysis, span: { start: number; end: number }): string {
  return a.text.slice(span.start, span.end);
}

function entityLabel(e: Entity): string {
  return [e.type, e.actor].filter(Boolean).join(', ');
}

function actorName(a: Analysis, byId: Map<string, Entity>, actor: EventActor): string {
  const e = actor.entity ? byId.get(actor.entity) : undefined;
  const words = actor.start !== undefined && actor.end !== undefined ? slice(a, { start: actor.start, end: actor.end }) : null;
  const name = e?.name ?? words;
  if (name && actor.actor) return `${name} (${actor.actor})`;
  return name ?? actor.actor ?? '?';
}

function heading(title: string): string {
  return `\n${title}\n${'-'.repeat(title.length)}`;
}

function entitiesSection(a: Analysis): string[] {
  const out = [heading('Who is in it')];
  if (a.entities.length === 0) return [...out, '  no entities found'];
  const sorted = [...a.entities].sort((x, y) => y.mentions.length - x.mentions.length || x.name.localeCompare(y.name));
  for (const e of sorted) {
    const mentions = e.mentions.length === 1 ? '1 mention' : `${e.mentions.length} mentions`;
    out.push(`  ${e.name} [${entityLabel(e)}] ${mentions}`);
    for (const role of e.roles) out.push(wrap(`role: ${role}`, '      '));
  }
  return out;
}

function quoteLine(a: Analysis, q: Quote): string[] {
  const facts = [q.type, q.date ?? 'undated'];
  if (q.via.length > 0) facts.push(`via ${q.via.map((v) => v.name).join(', ')}`);
  if (q.cue) facts.push(`cue "${slice(a, q.cue)}"`);
  const issues = q.issues?.map((i) => i.issue) ?? [];
  if (issues.length > 0) facts.push(`issues: ${[...new Set(issues)].join(', ')}`);
  const content = slice(a, q);
  return [`    ${q.id} (${facts.join('; ')})`, wrap(q.type === 'indirect' ? content : `“${content}”`, '      ')];
}

function quotesSection(a: Analysis, byId: Map<string, Entity>): string[] {
  const out = [heading('Who said what')];
  if (a.quotes.length === 0) return [...out, '  no statements found'];
  const groups = new Map<string, Quote[]>();
  for (const q of a.quotes) {
    const key = q.speaker ? (q.speaker.entity ?? `name:${q.speaker.name}`) : '';
    groups.set(key, [...(groups.get(key) ?? []), q]);
  }
  for (const [key, quotes] of groups) {
    const e = byId.get(key);
    const name = e ? `${e.name} [${entityLabel(e)}]` : key ? key.slice('name:'.length) : 'speaker not identified';
    out.push(`  ${name}`);
    for (const q of quotes) out.push(...quoteLine(a, q));
  }
  return out;
}

function eventLine(a: Analysis, byId: Map<string, Entity>, v: PoliticalEvent): string[] {
  const who = `${actorName(a, byId, v.source)} → ${actorName(a, byId, v.target)}`;
  const facts = [v.modality, v.date ?? 'undated'];
  if (v.location) facts.push(`in ${v.location}`);
  if (v.quote) facts.push(`claimed in ${v.quote}`);
  facts.push(`Goldstein ${v.goldstein}`);
  return [
    `  ${v.id} ${v.code} ${v.plover}${v.ploverMode ? `/${v.ploverMode}` : ''}: ${who} (${facts.join('; ')})`,
    wrap(`evidence: ${slice(a, v)}`, '      '),
  ];
}

function eventsSection(a: Analysis, byId: Map<string, Entity>): string[] {
  const out = [heading('Events')];
  if (a.events.length === 0) return [...out, '  no events found'];
  for (const v of a.events) out.push(...eventLine(a, byId, v));
  return out;
}

function issuesSection(a: Analysis): string[] {
  const out = [heading('Issues')];
  if (a.issues.length === 0) return [...out, '  no issues found'];
  for (const i of a.issues) {
    const progress = i.progress > 0 ? `+${i.progress}` : String(i.progress);
    const refs = [...i.quotes, ...i.events];
    out.push(`  ${i.label} (${i.id}): progress ${progress}${refs.length ? `; in ${refs.join(', ')}` : ''}`);
    for (const s of i.stances) out.push(`      ${s.actor} ${s.stance}${s.quote ? ` (${s.quote})` : ''}`);
  }
  return out;
}

/** The first words of a text, up to `max` characters, cut at a word boundary. */
function opening(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.lastIndexOf(' ', max);
  return `${flat.slice(0, cut > 0 ? cut : max)}…`;
}

/** The dossier of one article as plain text, ending with a newline. */
export function formatDossier(a: Analysis): string {
  const byId = new Map(a.entities.map((e) => [e.id, e]));
  const title = a.title ?? opening(a.text, 80);
  const meta = [a.date ?? 'undated', a.source, a.url, `id ${a.id}`].filter(Boolean).join(' · ');
  const words = a.text.split(/\s+/).filter(Boolean).length;
  const boilerplate = a.boilerplate.length ? `; ${a.boilerplate.length} boilerplate span(s) skipped` : '';
  const lines = [
    '='.repeat(WIDTH),
    wrap(title, ''),
    meta,
    `${words} words${boilerplate}`,
    ...entitiesSection(a),
    ...quotesSection(a, byId),
    ...eventsSection(a, byId),
    ...issuesSection(a),
  ];
  return `${lines.join('\n')}\n`;
}
