import type * as Q from '../../corpus/queries.js';
import type { Analysis } from '../../types.js';
import { html, Html, safeUrl } from '../html.js';
import { page } from './layout.js';
import { analysisData, renderAnnotatedText, renderLegend } from './reader.js';

// Server-rendered views of the workbench. Each takes plain data from the corpus queries
// and returns a whole page; the page's JSON twin is the API URL passed to `page`.

const enc = encodeURIComponent;

function pager(base: string, p: { total: number; limit: number; offset: number }, params: URLSearchParams): Html {
  const link = (offset: number) => {
    const q = new URLSearchParams(params);
    q.set('offset', String(offset));
    q.set('limit', String(p.limit));
    return `${base}?${q}`;
  };
  const last = Math.min(p.offset + p.limit, p.total);
  return html`<nav class="pager" aria-label="Pages">
    <span class="muted">${p.total ? p.offset + 1 : 0}–${last} of ${p.total}</span>
    ${p.offset > 0 ? html`<a href="${link(Math.max(p.offset - p.limit, 0))}" rel="prev">← previous</a>` : ''}
    ${last < p.total ? html`<a href="${link(p.offset + p.limit)}" rel="next">next →</a>` : ''}
  </nav>`;
}

export function errorPage(status: number, message: string): string {
  return page(`Error ${status}`, html`<p class="error">${message}</p><p><a href="/">Back to the articles</a></p>`);
}

export function articlesView(p: Q.Page<Q.ArticleRow>, params: URLSearchParams, stats: Q.CorpusStats): string {
  return page(
    'Articles',
    html`<p class="meta">${stats.articles.originals} articles (${stats.articles.exactDuplicates + stats.articles.nearDuplicates} duplicates set aside),
      ${stats.statements} statements, ${stats.events} events, ${stats.issues} issues.</p>
    <table><thead><tr><th>Date</th><th>Title</th><th>Source</th><th>Statements</th><th>Events</th></tr></thead><tbody>
    ${p.items.map(
      (a) => html`<tr><td>${a.date ?? '—'}</td><td><a href="/articles/${enc(a.id)}">${a.title ?? a.id}</a></td>
        <td>${a.source ?? ''}</td><td>${a.statements}</td><td>${a.events}</td></tr>`,
    )}
    </tbody></table>${pager('/', p, params)}`,
    { json: `/api/articles?${params}`, active: '/' },
  );
}

/** The reader: text with statements coloured by speaker, cues underlined, entities, events; a detail panel. */
export function readerBody(a: Analysis): Html {
  const quotes = a.quotes.length;
  return html`<p class="meta">${a.date ?? 'undated'}${a.source ? html` · ${a.source}` : ''}${
    a.url ? html` · <a href="${safeUrl(a.url)}" rel="noopener noreferrer">original</a>` : ''
  } · ${quotes} statement${quotes === 1 ? '' : 's'}, ${a.events.length} events, ${a.entities.length} entities</p>
  ${renderLegend(a)}
  <div class="reader">
    ${renderAnnotatedText(a)}
    <aside class="panel" id="detail" aria-live="polite"><p class="muted">Select a highlighted passage (click, or Tab then Enter) to see its speaker, channel, date, codes, modality and the rule that found it.</p></aside>
  </div>
  <h2>Issues</h2>
  ${a.issues.length ? html`<ul>${a.issues.map((i) => html`<li><a href="/issues/${enc(i.id)}">${i.label}</a>: ${i.quotes.length} statements, ${i.events.length} events${
    i.stances.length ? html` — ${i.stances.map((s) => html`<span class="stance-${s.stance}">${s.actor} ${s.stance}</span> `)}` : ''
  }</li>`)}</ul>` : html`<p class="muted">No issues found.</p>`}
  ${analysisData(a)}`;
}

export function articleView(stored: Q.StoredArticle): string {
  const a = stored.analysis;
  const dup = stored.duplicateOf
    ? html`<p class="meta">A ${stored.duplicateKind} duplicate of <a href="/articles/${enc(stored.duplicateOf)}">${stored.duplicateOf}</a>.</p>`
    : '';
  return page(a.title ?? a.id, html`${dup}${readerBody(a)}`, { json: `/api/articles/${enc(a.id)}` });
}

export function entitiesView(p: Q.Page<Q.EntityRow>, params: URLSearchParams): string {
  return page(
    'Speakers & entities',
    html`<form class="filters" method="get" action="/entities">
      <label>Name <input name="q" value="${params.get('q') ?? ''}"></label>
      <label>Type <select name="type"><option value="">any</option>${['PERSON', 'ORG', 'GPE', 'LOC', 'NORP', 'MISC'].map(
        (t) => html`<option${params.get('type') === t ? new Html(' selected') : ''}>${t}</option>`,
      )}</select></label>
      <button type="submit">Filter</button></form>
    <table><thead><tr><th>Name</th><th>Type</th><th>Actor</th><th>Articles</th><th>Mentions</th><th>Seen</th></tr></thead><tbody>
    ${p.items.map(
      (e) => html`<tr><td><a href="/entities/${enc(String(e.id))}">${e.name}</a></td><td>${e.type}</td><td>${e.actor ?? ''}</td>
        <td>${e.articles}</td><td>${e.mentions}</td><td>${e.firstDay ?? ''}${e.lastDay && e.lastDay !== e.firstDay ? html` – ${e.lastDay}` : ''}</td></tr>`,
    )}</tbody></table>${pager('/entities', p, params)}`,
    { json: `/api/entities?${params}`, active: '/entities' },
  );
}

function eventsTable(rows: Q.EventRow[]): Html {
  if (!rows.length) return html`<p class="muted">None.</p>`;
  return html`<table><thead><tr><th>Date</th><th>CAMEO</th><th>Source → target</th><th>Modality</th><th>Goldstein</th><th>Reports</th><th>Evidence</th></tr></thead><tbody>
  ${rows.map(
    (v) => html`<tr><td>${v.day ?? v.date ?? ''}</td><td>${v.code} <span class="muted">${v.plover ?? ''}</span></td>
      <td>${v.sourceName ?? v.source ?? '—'} → ${v.targetName ?? v.target ?? '—'}</td><td>${v.modality}</td><td>${v.goldstein}</td>
      <td>${v.numArticles} art. / ${v.numSources} src.</td><td><a href="/articles/${enc(v.article)}">${v.evidence}</a></td></tr>`,
  )}</tbody></table>`;
}

function statementsTable(rows: Q.StatementRow[], withSpeaker: boolean): Html {
  if (!rows.length) return html`<p class="muted">None.</p>`;
  return html`<table><thead><tr><th>Date</th>${withSpeaker ? html`<th>Speaker</th>` : ''}<th>Statement</th><th>Type</th><th>Via</th><th>Issues</th></tr></thead><tbody>
  ${rows.map((s) => {
    const via = (s.via as Array<{ name?: string }>).map((v) => v.name ?? '').filter(Boolean).join(', ');
    return html`<tr><td>${s.date ?? ''}</td>${withSpeaker ? html`<td>${s.speaker.name ?? '—'}</td>` : ''}
      <td><a href="/articles/${enc(s.article)}">${s.text}</a></td><td>${s.type}</td><td>${via}</td>
      <td>${s.issues.map((i) => html`<a href="/issues/${enc(i)}">${i}</a> `)}</td></tr>`;
  })}</tbody></table>`;
}

export function entityView(e: Q.EntityDetail, key: string): string {
  return page(
    e.name,
    html`<p class="meta">${e.type}${e.actor ? html` · actor ${e.actor}` : ''}${e.country ? html` · ${e.country}` : ''} · ${e.articles} articles, ${e.mentions} mentions
      ${e.actor ? html` · <a href="/timeline?a=${enc(e.actor)}">timeline</a>` : ''}</p>
    ${e.aliases.length ? html`<p>Also called: ${e.aliases.map((a) => a.name).join(', ')}</p>` : ''}
    <h2>Roles over time</h2>
    ${e.roles.length ? html`<table><thead><tr><th>Role</th><th>From</th><th>To</th><th>Articles</th></tr></thead><tbody>${e.roles.map(
      (r) => html`<tr><td>${r.role}</td><td>${r.firstDay ?? ''}</td><td>${r.lastDay ?? ''}</td><td>${r.articles}</td></tr>`,
    )}</tbody></table>` : html`<p class="muted">No roles recorded.</p>`}
    <h2>Actor codes</h2>
    <p>${e.actorHistory.map((a) => html`${a.actor} <span class="muted">(${a.firstDay ?? '?'} – ${a.lastDay ?? '?'})</span> `)}</p>
    <h2>Statements (${e.statements.total})</h2>${statementsTable(e.statements.items, false)}
    <h2>Events as source (${e.eventsAsSource.total})</h2>${eventsTable(e.eventsAsSource.items)}
    <h2>Events as target (${e.eventsAsTarget.total})</h2>${eventsTable(e.eventsAsTarget.items)}`,
    { json: `/api/entities/${enc(key)}`, active: '/entities' },
  );
}

export function timelineView(params: URLSearchParams, result: Q.TimelineResult | null, events: Q.Page<Q.EventRow> | null, error: string | null): string {
  const a = params.get('a') ?? '';
  const b = params.get('b') ?? '';
  const by = params.get('by') ?? 'day';
  const all = params.get('allModalities') === 'true';
  const api = new URLSearchParams({ a, by, ...(b ? { b } : {}), ...(all ? { allModalities: 'true' } : {}) });
  const eventsLink = new URLSearchParams({ a, by, ...(b ? { b } : {}), ...(all ? { allModalities: 'true' } : {}), bucket: '__BUCKET__' });
  return page(
    b ? `Timeline: ${a} – ${b}` : a ? `Timeline: ${a}` : 'Timeline',
    html`<form class="filters" method="get" action="/timeline">
      <label>Actor A <input name="a" value="${a}" required placeholder="RUS"></label>
      <label>Actor B <input name="b" value="${b}" placeholder="USA"></label>
      <label>By <select name="by">${['day', 'week', 'month'].map((g) => html`<option${g === by ? new Html(' selected') : ''}>${g}</option>`)}</select></label>
      <label>Modality <select name="allModalities"><option value="false">asserted only</option><option value="true"${all ? new Html(' selected') : ''}>all (incl. negated, hypothetical…)</option></select></label>
      <button type="submit">Show</button></form>
    ${error ? html`<p class="error">${error}</p>` : ''}
    ${result ? html`<div class="chart-box"><canvas id="timeline-chart" aria-label="Events per period by quad class, with mean Goldstein" role="img"
        data-src="/api/timeline?${api.toString()}" data-events="/timeline?${eventsLink.toString()}"></canvas></div>
      <p id="timeline-error" class="error"></p>
      <table><thead><tr><th>Period</th><th>Events</th><th>Verbal coop.</th><th>Material coop.</th><th>Verbal conflict</th><th>Material conflict</th><th>Mean Goldstein</th></tr></thead><tbody>
      ${result.buckets.filter((r) => r.events > 0).map(
        (r) => html`<tr><td><a href="/timeline?${new URLSearchParams({ ...Object.fromEntries(api), bucket: r.period }).toString()}">${r.period}</a></td><td>${r.events}</td><td>${r.quad1}</td><td>${r.quad2}</td><td>${r.quad3}</td><td>${r.quad4}</td><td>${r.goldsteinMean === null ? '' : r.goldsteinMean.toFixed(2)}</td></tr>`,
      )}</tbody></table>` : ''}
    ${events ? html`<h2>Events in ${params.get('bucket')}</h2>${eventsTable(events.items)}` : ''}`,
    { json: a ? `/api/timeline?${api}` : undefined, scripts: ['/static/chart.umd.min.js'], active: '/timeline' },
  );
}

/** A small inline SVG line of a series (the running progress index), drawn on the server: no script needed. */
function sparkline(values: number[], label: string): Html {
  if (values.length < 2) return html``;
  const w = 240;
  const h = 40;
  const min = Math.min(0, ...values);
  const max = Math.max(0, ...values);
  const span = max - min || 1;
  const x = (i: number) => ((i / (values.length - 1)) * (w - 4) + 2).toFixed(1);
  const y = (v: number) => (h - 2 - ((v - min) / span) * (h - 4)).toFixed(1);
  const points = values.map((v, i) => `${x(i)},${y(v)}`).join(' ');
  return html`<svg class="spark" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" role="img" aria-label="${label}">
    <line x1="0" x2="${w}" y1="${y(0)}" y2="${y(0)}" stroke="#d1d5db"/><polyline fill="none" stroke="#1d4ed8" stroke-width="2" points="${points}"/></svg>`;
}

function progressClass(n: number): string {
  return n > 0 ? 'progress-pos' : n < 0 ? 'progress-neg' : '';
}

export function issuesView(p: Q.Page<Q.IssueRow>, details: Map<string, Q.IssueDetail>, params: URLSearchParams): string {
  const found = p.items.filter((i) => i.articles > 0 || i.statements > 0 || i.events > 0);
  return page(
    'Issues',
    html`<div class="cards">${found.map((i) => {
      const d = details.get(i.id);
      return html`<section class="card"><h2><a href="/issues/${enc(i.id)}">${i.label}</a></h2>
        <p>${i.statements} statements · ${i.events} events · ${i.articles} articles</p>
        <p>Progress index: <span class="${progressClass(i.progress)}">${i.progress > 0 ? '+' : ''}${i.progress}</span></p>
        ${d ? sparkline(d.buckets.map((b) => b.runningProgress), `Running progress index of ${i.label} over time`) : ''}
        ${d && d.actors.length ? html`<p>${d.actors.map((a) => html`<span class="stance-${a.current}">${a.actor}: ${a.current}</span> `)}</p>` : ''}
        <p class="muted">${i.firstDay ?? ''}${i.lastDay && i.lastDay !== i.firstDay ? html` – ${i.lastDay}` : ''}</p></section>`;
    })}</div>
    ${found.length ? '' : html`<p class="muted">No issues found in the corpus yet.</p>`}
    ${pager('/issues', p, params)}`,
    { json: `/api/issues?${params}`, active: '/issues' },
  );
}

export function issueView(d: Q.IssueDetail, params: URLSearchParams): string {
  return page(
    d.label,
    html`<p class="meta">${d.statements} statements · ${d.events} events · ${d.articles} articles · progress index
      <span class="${progressClass(d.progress)}">${d.progress}</span></p>
    <h2>Timeline (by ${d.by})</h2>
    ${sparkline(d.buckets.map((b) => b.runningProgress), `Running progress index of ${d.label} over time`)}
    <table><thead><tr><th>Period</th><th>Statements</th><th>Events</th><th>Progress</th><th>Running index</th><th>Stances</th></tr></thead><tbody>
    ${d.buckets.filter((b) => b.statements || b.events).map(
      (b) => html`<tr><td>${b.period}</td><td>${b.statements}</td><td>${b.events}</td><td class="${progressClass(b.progress)}">${b.progress}</td><td>${b.runningProgress}</td>
        <td>${Object.entries(b.stances).filter(([, n]) => n > 0).map(([s, n]) => html`<span class="stance-${s}">${s} ${n}</span> `)}</td></tr>`,
    )}</tbody></table>
    <h2>Actors and stances</h2>
    ${d.actors.length ? html`<table><thead><tr><th>Actor</th><th>Now</th><th>Since</th><th>History</th></tr></thead><tbody>${d.actors.map(
      (a) => html`<tr><td>${a.actor}</td><td class="stance-${a.current}">${a.current}</td><td>${a.since ?? ''}</td>
        <td>${a.history.map((h) => html`<a href="/articles/${enc(h.article)}" class="stance-${h.stance}">${h.day ?? '?'}: ${h.stance}</a> `)}</td></tr>`,
    )}</tbody></table>` : html`<p class="muted">No stances recorded.</p>`}
    <h2>Speakers</h2>
    <p>${d.speakers.map((s) => html`${s.entity !== null ? html`<a href="/entities/${enc(String(s.entity))}">${s.name}</a>` : s.name} (${s.statements}) `)}</p>
    <h2>Statements</h2>${statementsTable(d.statementList.items, true)}${pager(`/issues/${enc(d.id)}`, d.statementList, params)}`,
    { json: `/api/issues/${enc(d.id)}`, active: '/issues' },
  );
}

/** Snippets mark matches with [ ]: turn those into <mark> while escaping everything else. */
function snippet(text: string): Html {
  const parts = text.split(/(\[[^\]]*\])/);
  return html`${parts.map((p) => (p.startsWith('[') && p.endsWith(']') ? html`<mark>${p.slice(1, -1)}</mark>` : p))}`;
}

export function searchView(params: URLSearchParams, result: Q.Page<Q.SearchHit> | null): string {
  const text = params.get('text') ?? '';
  return page(
    'Search',
    html`<form class="filters" method="get" action="/search" role="search">
      <label>Words <input name="text" value="${text}" required autofocus></label>
      <label>Speaker <input name="speaker" value="${params.get('speaker') ?? ''}"></label>
      <label>Issue <input name="issue" value="${params.get('issue') ?? ''}"></label>
      <label>Type <select name="type"><option value="">statements and articles</option>${['direct', 'mixed', 'indirect', 'article'].map(
        (t) => html`<option${params.get('type') === t ? new Html(' selected') : ''}>${t}</option>`,
      )}</select></label>
      <label>From <input name="from" value="${params.get('from') ?? ''}" placeholder="YYYY-MM-DD"></label>
      <label>To <input name="to" value="${params.get('to') ?? ''}" placeholder="YYYY-MM-DD"></label>
      <button type="submit">Search</button></form>
    ${result ? html`<table><thead><tr><th>Date</th><th>Speaker</th><th>Match</th><th>Kind</th></tr></thead><tbody>${result.items.map(
      (h) => html`<tr><td>${h.day ?? ''}</td><td>${h.speaker ?? ''}</td><td><a href="/articles/${enc(h.article)}">${snippet(h.snippet)}</a></td><td>${h.type ?? h.kind}</td></tr>`,
    )}</tbody></table>${pager('/search', result, params)}` : ''}`,
    { json: text ? `/api/statements?${params}` : undefined, active: '/search' },
  );
}

export function analyzeView(form: { text: string; url: string; date: string }, analysis: Analysis | null, error: string | null): string {
  return page(
    'Analyse',
    html`<form method="post" action="/analyze">
      <p><label>Article text<br><textarea name="text">${form.text}</textarea></label></p>
      <p><label>or a URL <input name="url" type="url" value="${form.url}" size="60"></label>
         <label>Date <input name="date" value="${form.date}" placeholder="YYYY-MM-DD"></label>
         <button type="submit">Analyse</button></p></form>
    ${error ? html`<p class="error">${error}</p>` : ''}
    ${analysis ? readerBody(analysis) : ''}`,
    { active: '/analyze' },
  );
}
