import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDossier, wrap } from '../src/cli/dossier.js';
import type { Analysis } from '../src/types.js';

const TEXT = 'Envoy Ada Moss said on Monday that "the talks were useful", Example Wire reported. Moss met Lin Qiao in Geneva.';
const at = (s: string): { start: number; end: number } => {
  const start = TEXT.indexOf(s);
  assert.ok(start >= 0, s);
  return { start, end: start + s.length };
};

function analysis(): Analysis {
  return {
    id: 'x1', date: '2025-05-12', title: 'Envoys meet in Geneva', source: 'Example Wire', url: null, text: TEXT,
    entities: [
      { id: 'e1', name: 'Ada Moss', type: 'PERSON', actor: 'USAGOV', country: 'USA', roles: ['Envoy'], aliases: [], gender: 'female',
        mentions: [{ ...at('Ada Moss'), kind: 'name' }, { ...at('Moss met'), end: at('Moss met').start + 4, kind: 'name' }] },
      { id: 'e2', name: 'Lin Qiao', type: 'PERSON', actor: 'CHNGOV', country: 'CHN', roles: [], aliases: [], gender: null,
        mentions: [{ ...at('Lin Qiao'), kind: 'name' }] },
    ],
    quotes: [{
      id: 'q1', type: 'direct', ...at('the talks were useful'),
      speaker: { entity: 'e1', name: 'Ada Moss', ...at('Ada Moss') }, cue: { ...at('said'), lemma: 'say' },
      via: [{ name: 'Example Wire', kind: 'outlet' }], date: '2025-05-12', rule: 'test', confidence: 1,
      issues: [{ issue: 'summits', ...at('talks') }],
    }],
    events: [{
      id: 'v1', code: '040', plover: 'CONSULT', ...at('Moss met Lin Qiao in Geneva'),
      source: { actor: 'USAGOV', entity: 'e1' }, target: { actor: 'CHNGOV', entity: 'e2' },
      goldstein: 1, quad: 1, modality: 'asserted', date: '2025-05-12', location: 'Geneva', quote: null, rule: 'test',
    }],
    issues: [{ id: 'summits', label: 'Summits and high-level talks', quotes: ['q1'], events: ['v1'],
      stances: [{ actor: 'USA', stance: 'supports', quote: 'q1' }], progress: 1 }],
    boilerplate: [],
  };
}

test('the dossier shows who is in it, who said what (via, date, quoted words), events and issues', () => {
  const out = formatDossier(analysis());
  assert.match(out, /^=+\nEnvoys meet in Geneva\n2025-05-12 · Example Wire · id x1\n/);
  assert.match(out, /Ada Moss \[PERSON, USAGOV\] 2 mentions\n\s+role: Envoy/);
  assert.match(out, /Who said what\n-+\n {2}Ada Moss \[PERSON, USAGOV\]\n {4}q1 \(direct; 2025-05-12; via Example Wire; cue "said"; issues: summits\)\n {6}“the talks were useful”/);
  assert.match(out, /v1 040 CONSULT: Ada Moss \(USAGOV\) → Lin Qiao \(CHNGOV\) \(asserted; 2025-05-12; in Geneva; Goldstein 1\)\n {6}evidence: Moss met Lin Qiao in Geneva/);
  assert.match(out, /Summits and high-level talks \(summits\): progress \+1; in q1, v1\n {6}USA supports \(q1\)/);
});

test('empty layers are stated, not invented; an untitled article is named by its opening words', () => {
  const a = { ...analysis(), title: null, entities: [], quotes: [], events: [], issues: [] };
  const out = formatDossier(a);
  for (const line of ['no entities found', 'no statements found', 'no events found', 'no issues found']) assert.ok(out.includes(line), line);
  assert.match(out, /\nEnvoy Ada Moss said on Monday that "the talks were useful", Example Wire…\n/);
});

test('long quotes are wrapped, not cut', () => {
  const long = 'word '.repeat(60).trim();
  const lines = wrap(long, '    ').split('\n');
  assert.ok(lines.length > 2 && lines.every((l) => l.length <= 100 && l.startsWith('    word')));
  assert.equal(lines.map((l) => l.trim()).join(' '), long);
});
