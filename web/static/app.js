// The workbench's only script: a detail panel for the article reader and the timeline chart.
// Every value is inserted with textContent, never as HTML: article text is hostile input.
'use strict';

function el(tag, text, cls) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (cls) node.className = cls;
  return node;
}

function definitionList(rows) {
  const dl = el('dl');
  for (const [k, v] of rows) {
    if (v === undefined || v === null || v === '') continue;
    dl.append(el('dt', k), el('dd', v));
  }
  return dl;
}

function setupReader() {
  const text = document.getElementById('article-text');
  const dataNode = document.getElementById('analysis-data');
  const panel = document.getElementById('detail');
  if (!text || !dataNode || !panel) return;
  const data = JSON.parse(dataNode.textContent);
  const quotes = new Map(data.quotes.map((q) => [q.id, q]));
  const events = new Map(data.events.map((v) => [v.id, v]));
  const entities = new Map(data.entities.map((e) => [e.id, e]));
  const actorLabel = (a) => (a && (a.actor || (a.entity && entities.get(a.entity)?.name))) || '—';

  function show(refs) {
    panel.replaceChildren();
    for (const ref of refs) {
      const [kind, id] = ref.split(':');
      if (kind === 'quote') {
        const q = quotes.get(id);
        if (!q) continue;
        panel.append(el('h2', `Statement ${q.id}`));
        panel.append(definitionList([
          ['speaker', q.speaker ? q.speaker.name : '(unattributed)'],
          ['type', q.type],
          ['cue', q.cue ? q.cue.lemma : null],
          ['via', (q.via || []).map((v) => `${v.name} (${v.kind})`).join(', ')],
          ['date', q.date],
          ['issues', (q.issues || []).map((i) => i.issue).join(', ')],
          ['rule', q.rule],
        ]));
      } else if (kind === 'event') {
        const v = events.get(id);
        if (!v) continue;
        panel.append(el('h2', `Event ${v.id}: CAMEO ${v.code}`));
        panel.append(definitionList([
          ['PLOVER', v.plover],
          ['source', actorLabel(v.source)],
          ['target', actorLabel(v.target)],
          ['modality', v.modality],
          ['Goldstein', v.goldstein],
          ['date', v.date],
          ['location', v.location],
          ['rule', v.rule],
        ]));
      } else if (kind === 'mention') {
        const e = entities.get(id);
        if (!e) continue;
        const h = el('h2');
        const a = el('a', e.name);
        a.href = `/entities/${encodeURIComponent(e.name)}`;
        h.append(a);
        panel.append(h, definitionList([['type', e.type], ['actor', e.actor], ['roles', (e.roles || []).join('; ')]]));
      }
    }
    if (!panel.childNodes.length) panel.append(el('p', 'Select a highlighted passage to see its details.', 'muted'));
  }

  function activate(target) {
    const span = target.closest('[data-refs]');
    if (span) show(span.dataset.refs.split(' '));
  }
  text.addEventListener('click', (e) => activate(e.target));
  text.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      activate(e.target);
    }
  });
  text.addEventListener('focusin', (e) => activate(e.target));
}

async function setupTimeline() {
  const canvas = document.getElementById('timeline-chart');
  if (!canvas || typeof Chart === 'undefined') return;
  const response = await fetch(canvas.dataset.src);
  const body = await response.json();
  const rows = body.buckets || [];
  const quadColours = ['#16a34a', '#2563eb', '#f59e0b', '#dc2626'];
  const quadNames = ['Verbal cooperation', 'Material cooperation', 'Verbal conflict', 'Material conflict'];
  const chart = new Chart(canvas, {
    data: {
      labels: rows.map((r) => r.period),
      datasets: [
        ...[1, 2, 3, 4].map((q) => ({
          type: 'bar', label: quadNames[q - 1], data: rows.map((r) => r[`quad${q}`] || 0),
          backgroundColor: quadColours[q - 1], stack: 'events', yAxisID: 'y', maxBarThickness: 48,
        })),
        { type: 'line', label: 'Mean Goldstein', data: rows.map((r) => r.goldsteinMean), borderColor: '#111827', backgroundColor: '#111827', pointRadius: 4, spanGaps: true, yAxisID: 'g' },
      ],
    },
    options: {
      maintainAspectRatio: false,
      scales: {
        y: { stacked: true, beginAtZero: true, title: { display: true, text: 'events' } },
        g: { position: 'right', min: -10, max: 10, title: { display: true, text: 'Goldstein' }, grid: { drawOnChartArea: false } },
        x: { stacked: true },
      },
      onClick: (_e, elements) => {
        if (!elements.length) return;
        const row = rows[elements[0].index];
        const link = canvas.dataset.events.replace('__BUCKET__', encodeURIComponent(row.period));
        window.location.href = link;
      },
    },
  });
  canvas.setAttribute('data-ready', String(chart.data.labels.length));
}

document.addEventListener('DOMContentLoaded', () => {
  setupReader();
  setupTimeline().catch((err) => {
    const box = document.getElementById('timeline-error');
    if (box) box.textContent = `Could not load the timeline: ${err.message}`;
  });
});
