import assert from 'node:assert/strict';
import { test } from 'node:test';
import { IssueMatcher } from '../src/issues/matcher.js';
import { loadCueLexicons } from '../src/issues/cues.js';
import { loadDefaultTaxonomy } from '../src/issues/default-taxonomy.js';
import { loadTaxonomy, TaxonomyError } from '../src/issues/taxonomy.js';
import { Pipeline } from '../src/pipeline.js';
import { article, fixtureArticle, finding, issueFixture, quoteWith, stanceOf } from './issues-helpers.js';

const pipeline = await Pipeline.create();

test('the default taxonomy has at least 40 well-formed issues, including the reference ones', () => {
  const taxonomy = loadTaxonomy();
  assert.ok(taxonomy.issues.length >= 40, `${taxonomy.issues.length} issues`);
  assert.equal(new Set(taxonomy.issues.map((i) => i.id)).size, taxonomy.issues.length, 'ids are unique');
  for (const id of ['ukraine-settlement', 'energy-strike-moratorium', 'security-guarantees', 'nato-membership', 'direct-flights',
    'business-access', 'arctic', 'critical-minerals', 'tariffs', 'sanctions', 'bilateral-relations']) {
    assert.ok(taxonomy.issues.some((i) => i.id === id), id);
  }
  // Compiling must not throw: every phrase of the taxonomy and cue lexicons is usable.
  assert.ok(new IssueMatcher(taxonomy, loadCueLexicons()).rules.length >= taxonomy.issues.length);
});

test('the cheap load of the bundled taxonomy gives exactly what full validation gives', () => {
  // The stage skips zod for lexicon/issues/default.json; zod trims phrases, so any difference would show here.
  assert.deepEqual(loadDefaultTaxonomy(), loadTaxonomy());
});

test('one statement can carry several issues, each with its own words', () => {
  const doc = pipeline.run(fixtureArticle('arctic-accord.txt', '2025-06-03'));
  const quote = quoteWith(doc, 'This accord covers');
  assert.ok(quote, 'the minister\'s statement is a quote');
  const labels = new Map((quote.issues ?? []).map((l) => [l.issue, doc.slice(l)]));
  assert.match(labels.get('arctic') ?? '', /Arctic/);
  assert.match(labels.get('critical-minerals') ?? '', /critical minerals/);
  assert.match(labels.get('direct-flights') ?? '', /direct flights/);
  for (const id of ['arctic', 'critical-minerals', 'direct-flights']) {
    assert.ok(finding(doc, id)?.quotes.includes(quote.id), `${id} lists ${quote.id}`);
  }
});

test('"only if" makes a stance conditional, credited to the speaker\'s country', () => {
  const doc = pipeline.run(fixtureArticle('arctic-accord.txt', '2025-06-03'));
  assert.equal(stanceOf(doc, 'ceasefire', 'FIN'), 'conditional');
  const prisoners = pipeline.run(fixtureArticle('prisoner-talks.txt', '2025-09-12'));
  assert.equal(stanceOf(prisoners, 'ceasefire', 'AZE'), 'conditional');
});

test('a collapse is a setback; a step that only could happen is hedged, not progress', () => {
  const doc = pipeline.run(fixtureArticle('prisoner-talks.txt', '2025-09-12'));
  const exchange = finding(doc, 'prisoner-exchange');
  assert.ok(exchange, 'prisoner exchange found');
  assert.equal(exchange.progress, -1);
  assert.ok(exchange.signals.some((s) => s.progress === -1 && /collapsed/.test(doc.slice(s))), 'the collapse is the evidence');
  const restore = exchange.signals.find((s) => doc.slice(s) === 'restore');
  assert.ok(restore, 'the possible restoration is listed');
  assert.equal(restore.progress, 0);
  assert.equal(restore.hedge, 'hypothetical');
});

test('every quote and event carries an issues list', () => {
  const doc = pipeline.run(fixtureArticle('prisoner-talks.txt', '2025-09-12'));
  assert.ok(doc.quotes.length > 0);
  for (const q of doc.quotes) assert.ok(Array.isArray(q.issues), q.id);
  for (const e of doc.events) assert.ok(Array.isArray(e.issues), e.id);
});

test('a user taxonomy in mode "extend" adds, overrides and removes issues', async () => {
  const file = issueFixture('extend.json');
  const taxonomy = loadTaxonomy(file);
  const defaults = loadTaxonomy();
  assert.equal(taxonomy.issues.length, defaults.issues.length, 'one removed, one added');
  assert.ok(!taxonomy.issues.some((i) => i.id === 'climate'));
  assert.equal(taxonomy.issues.find((i) => i.id === 'arctic')?.label, 'Arctic affairs');
  const custom = await Pipeline.create({ issuesFile: file });
  const doc = custom.run(fixtureArticle('fisheries.txt', '2025-10-02'));
  const fisheries = finding(doc, 'fisheries');
  assert.ok(fisheries, 'the added issue is found');
  assert.ok(fisheries.quotes.length > 0, 'with its statement');
  assert.equal(finding(doc, 'climate'), undefined, 'the removed issue is not');
  const plain = pipeline.run(fixtureArticle('fisheries.txt', '2025-10-02'));
  assert.ok(finding(plain, 'climate'), 'the default taxonomy does find climate here');
});

test('a user taxonomy in mode "replace" is the only one used', async () => {
  const custom = await Pipeline.create({ issuesFile: issueFixture('replace.json'), only: ['segment', 'issues'] });
  const doc = custom.run(fixtureArticle('fisheries.txt', '2025-10-02'));
  assert.deepEqual(doc.issues.map((f) => f.id), ['fisheries']);
});

test('a malformed taxonomy file fails with an error naming the file and each bad entry', async () => {
  const file = issueFixture('malformed.json');
  assert.throws(() => loadTaxonomy(file), (err: unknown) => {
    assert.ok(err instanceof TaxonomyError);
    assert.ok(err.message.includes(file), err.message);
    assert.match(err.message, /issues\[1\] \(id "whaling"\)\.evidence\[0\]\.terms/);
    assert.match(err.message, /issues\[1\] \(id "whaling"\)\.evidence\[0\]\.with/);
    assert.match(err.message, /issues\[2\] \(id "Bad Id"\)\.id/);
    assert.match(err.message, /cameos/);
    return true;
  });
  await assert.rejects(Pipeline.create({ issuesFile: file }), TaxonomyError);
  assert.throws(() => loadTaxonomy(issueFixture('broken.json')), /broken\.json: not valid JSON/);
  assert.throws(() => loadTaxonomy(issueFixture('unknown-broader.json')), /broader issue "middle-east-peace" is not in the taxonomy/);
  assert.throws(() => loadTaxonomy(issueFixture('absent.json')), /absent\.json: cannot read it \(ENOENT\)/);
});

test('without statements or events, issues are still found in narrative sentences', async () => {
  const bare = await Pipeline.create({ only: ['segment', 'issues'] });
  const doc = bare.run(fixtureArticle('prisoner-talks.txt', '2025-09-12'));
  const exchange = finding(doc, 'prisoner-exchange');
  assert.ok(exchange);
  assert.deepEqual(exchange.quotes, []);
  assert.ok(exchange.sentences.includes('s0'));
  assert.equal(exchange.progress, -1);
});

test('a setback told in the past perfect is background, not a setback of this article', () => {
  const doc = pipeline.run(article('background', '2025-02-18',
    'Relations between Serbia and Kosovo, which had stalled for two years, improved on Monday after the two sides ' +
    'signed an accord on vehicle licence plates in Brussels, European Union officials said.'));
  const relations = finding(doc, 'bilateral-relations');
  assert.ok(relations, 'bilateral relations found');
  const stalled = relations.signals.flatMap((s) => s.cues).find((c) => doc.slice(c) === 'stalled');
  assert.equal(stalled?.hedge, 'background');
  assert.equal(relations.progress, 1, 'the signing counts, the old stall does not');
});

test('boilerplate regions name no issue', () => {
  const text = 'Iran and the IAEA agreed on Monday to resume inspections of enrichment sites, officials said.\n\n' +
    'Read more: sanctions, tariffs and the trade war explained.';
  const menu = text.indexOf('Read more');
  const doc = pipeline.run({ ...article('boilerplate', '2025-03-03', text), boilerplate: [{ start: menu, end: text.length }] });
  assert.ok(finding(doc, 'nuclear-programme'));
  assert.equal(finding(doc, 'sanctions'), undefined);
  assert.equal(finding(doc, 'tariffs'), undefined);
});
