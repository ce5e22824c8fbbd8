import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, test } from 'node:test';
import type { Doc } from '../src/doc.js';
import { Pipeline } from '../src/pipeline.js';
import { parseAnnotated } from '../src/quotes/devset.js';
import { findQuotedSpans } from '../src/quotes/marks.js';
import type { Article, Quote } from '../src/types.js';
import { SHARED_ABSENT, seedPath } from './helpers.js';

let pipeline: Pipeline;
before(async () => {
  pipeline = await Pipeline.create({ only: ['segment', 'entities', 'time', 'quotes'] });
});

function article(text: string, date: string | null = '2024-03-15'): Article {
  return { id: 't', date, title: null, source: null, url: null, text, boilerplate: [] };
}

function run(text: string, date: string | null = '2024-03-15'): { doc: Doc; quotes: Quote[]; content: (q: Quote) => string } {
  const doc = pipeline.run(article(text, date));
  return { doc, quotes: doc.quotes, content: (q) => text.slice(q.start, q.end) };
}

describe('quotation marks', () => {
  test('pairs every double-mark style and ignores single marks and apostrophes', () => {
    const text = '“One’s word,” he said. «Deux» and „drei“ and "four ‘nested’ five".';
    const spans = findQuotedSpans(text, [{ start: 0, end: text.length }]).map((q) => text.slice(q.start, q.end));
    assert.deepEqual(spans, ['One’s word,', 'Deux', 'drei', 'four ‘nested’ five']);
  });

  test('a quote left open continues at the next paragraph opening with a mark', () => {
    const text = '"First part of the speech.\n\n"Second part," she said.';
    const paragraphs = [{ start: 0, end: 26 }, { start: 28, end: text.length }];
    const spans = findQuotedSpans(text, paragraphs);
    assert.equal(spans.length, 1);
    assert.equal(text.slice(spans[0]!.start, spans[0]!.end), 'First part of the speech.\n\n"Second part,');
  });
});

describe('direct quotes', () => {
  test('straight, curly, guillemet and low-high marks with a trailing attribution', () => {
    for (const [open, close] of [['"', '"'], ['“', '”'], ['« ', ' »'], ['„', '“']]) {
      const { quotes, content } = run(`${open}We will not sign this deal under pressure,${close} Foreign Minister Ana Ruiz said on Tuesday.`);
      assert.equal(quotes.length, 1, open);
      assert.equal(quotes[0]!.type, 'direct');
      assert.equal(content(quotes[0]!), 'We will not sign this deal under pressure,');
      assert.match(quotes[0]!.speaker!.name, /Ana Ruiz/);
    }
  });

  test('a quote nested in single marks stays inside one statement', () => {
    const { quotes, content } = run('“They call it a ‘temporary measure.’ It has lasted nine years,” said Omar Haddad, the mayor of the town.');
    assert.equal(quotes.length, 1);
    assert.equal(content(quotes[0]!), 'They call it a ‘temporary measure.’ It has lasted nine years,');
    assert.equal(quotes[0]!.rule, 'direct:trailing-inverted');
    assert.match(quotes[0]!.speaker!.name, /Omar Haddad/);
  });

  test('a quote split by its attribution is two statements by one speaker', () => {
    const { quotes, content } = run('"The talks were difficult," Lena Novak said. "But nobody left the room."');
    assert.deepEqual(quotes.map((q) => [q.type, content(q)]), [['direct', 'The talks were difficult,'], ['direct', 'But nobody left the room.']]);
    assert.equal(quotes[1]!.speaker!.name, quotes[0]!.speaker!.name);
  });

  test('a quote split inside one sentence: "…," she said, "…"', () => {
    const { quotes, content } = run('"We will wait," Foreign Minister Ana Ruiz said, "but not forever."');
    assert.deepEqual(quotes.map((q) => [q.type, content(q)]), [['direct', 'We will wait,'], ['direct', 'but not forever.']]);
    assert.equal(quotes[1]!.speaker!.name, quotes[0]!.speaker!.name);
  });

  test('"adding, "…"" continues with a second direct quote', () => {
    const { quotes, content } = run('"We expect a reply by Friday," Petra Lind told reporters, adding, "After that, we will consider other options."');
    assert.deepEqual(quotes.map((q) => q.type), ['direct', 'direct']);
    assert.equal(content(quotes[1]!), 'After that, we will consider other options.');
    assert.equal(quotes[1]!.cue!.lemma, 'add');
  });

  test('a quote running over two paragraphs is one statement', () => {
    const { quotes, content } = run('"Our farmers cannot wait another season for water.\n\n"The canal must be finished this year," the governor, Rui Sousa, said.');
    assert.equal(quotes.length, 1);
    assert.equal(content(quotes[0]!), 'Our farmers cannot wait another season for water.\n\n"The canal must be finished this year,');
  });

  test('a quote-only paragraph takes the current speaker', () => {
    const { quotes } = run('Mayor Clara Ortiz said the bridge would reopen in May.\n\n"The repairs are nearly done. We only need the final inspection."');
    assert.equal(quotes.length, 2);
    assert.equal(quotes[1]!.type, 'direct');
    assert.equal(quotes[1]!.rule, 'direct:continuation');
    assert.equal(quotes[1]!.speaker!.name, quotes[0]!.speaker!.name);
  });
});

describe('traps', () => {
  test('titles, nicknames and scare quotes are not statements', () => {
    const text = 'The film "Winter in Kyiv" opened on Friday. The port, known as "the iron gate," handles most exports. The so-called "peace dividend" never arrived.';
    assert.equal(run(text).quotes.length, 0);
  });

  test('a negated cue reports no statement', () => {
    assert.equal(run('The minister did not specify which ports would reopen.').quotes.length, 0);
  });

  test('a speaker introduced after the quote', () => {
    const { quotes } = run('"Nobody wants a trade war," said Hiroshi Tanaka, Japan\'s trade negotiator.');
    assert.match(quotes[0]!.speaker!.name, /Hiroshi Tanaka/);
  });

  test('two speakers in a paragraph, pronouns of both genders', () => {
    const text =
      'Finance Minister Maria Costa said the budget would be balanced. Opposition leader Peter Walsh called the plan "a fantasy." ' +
      '"The numbers do not add up," he said. "They add up perfectly," she replied.';
    const { quotes } = run(text);
    const byStart = quotes.map((q) => q.speaker!.name);
    assert.deepEqual(byStart, ['Maria Costa', 'Peter Walsh', 'Peter Walsh', 'Maria Costa']);
  });

  test('a document speaks for its issuer: "the statement said"', () => {
    const text = 'In a statement, the Interior Ministry said the border would stay closed.\n\n"Security comes first," the statement said.';
    const { quotes } = run(text);
    assert.equal(quotes.length, 2);
    assert.match(quotes[1]!.speaker!.name, /Interior Ministry/);
    assert.ok(quotes[1]!.via.some((c) => c.kind === 'setting' && c.name === 'statement'));
  });
});

describe('mixed and indirect quotes', () => {
  test('quoted words inside reported speech make a mixed quote', () => {
    const { quotes, content } = run('Oslo is ready for "a new chapter" in relations with Moscow, Foreign Minister Erik Dahl said.');
    assert.equal(quotes[0]!.type, 'mixed');
    assert.equal(content(quotes[0]!), 'Oslo is ready for "a new chapter" in relations with Moscow');
  });

  test('"X said that …" keeps only the proposition', () => {
    const { quotes, content } = run('Prime Minister Karl Berg said on Monday that the reform would pass before the summer.');
    assert.equal(quotes[0]!.type, 'indirect');
    assert.equal(content(quotes[0]!), 'the reform would pass before the summer');
    assert.equal(quotes[0]!.cue!.lemma, 'say');
  });

  test('"…, X said" and "according to X"', () => {
    const a = run('Exports fell by a third in March, the central bank governor, Ines Moreau, said.');
    assert.equal(a.content(a.quotes[0]!), 'Exports fell by a third in March');
    assert.match(a.quotes[0]!.speaker!.name, /Ines Moreau/);
    const b = run('According to the envoy, Jonas Berg, the ceasefire line will be redrawn.');
    assert.equal(b.content(b.quotes[0]!), 'the ceasefire line will be redrawn');
  });

  test('"X\'s assessment is that" and "According to her assessment"', () => {
    const a = run("Minister Sara Vance's assessment is that the deal will hold.");
    assert.equal(a.content(a.quotes[0]!), 'the deal will hold');
    assert.match(a.quotes[0]!.speaker!.name, /Sara Vance/);
    const b = run('Sara Vance spoke at length. According to her assessment, prices will fall next year.');
    assert.equal(b.content(b.quotes[0]!), 'prices will fall next year');
    assert.match(b.quotes[0]!.speaker!.name, /Sara Vance/);
  });

  test('a cue followed by a noun phrase, and participial continuations', () => {
    const { quotes, content } = run('Senator Tom Reyes praised the agreement on grain exports, calling it "overdue," and noting that farmers had waited two years.');
    assert.deepEqual(quotes.map((q) => [q.type, content(q)]), [
      ['indirect', 'the agreement on grain exports'],
      ['mixed', 'it "overdue,"'],
      ['indirect', 'farmers had waited two years'],
    ]);
    assert.ok(quotes.every((q) => /Tom Reyes/.test(q.speaker!.name)));
  });

  test('"… and that …" splits into two statements', () => {
    const { quotes, content } = run('She said the vote would take place in May and that observers would be invited.');
    assert.deepEqual(quotes.map(content), ['the vote would take place in May', 'observers would be invited']);
  });
});

describe('channels and dates', () => {
  test('a setting and a relaying outlet: "said at a press briefing, X reported"', () => {
    const { quotes } = run('"We are close to an agreement," Ahmed Saleh said at a press briefing, Anadolu Agency reported.');
    assert.equal(quotes.length, 1);
    const via = quotes[0]!.via.map((c) => `${c.kind}:${c.name}`).sort();
    assert.deepEqual(via, ['outlet:Anadolu Agency', 'setting:press briefing']);
  });

  test('a fronted interview frame carries to the next paragraphs until a topic shift', () => {
    const text =
      'In an interview with CNN, Defence Minister Olga Petrenko said the front had stabilised.\n\n' +
      'She said new air defence systems would arrive in June.\n\n' +
      'Separately, she said a prisoner exchange was being prepared.';
    const { quotes } = run(text);
    assert.equal(quotes.length, 3);
    assert.ok(quotes[1]!.via.some((c) => c.name === 'CNN'));
    assert.ok(quotes[1]!.via.some((c) => c.name === 'interview'));
    assert.equal(quotes[2]!.via.length, 0);
  });

  test('"told Reuters", "in a post on X", "quoted him as saying"', () => {
    const a = run('Trade Minister Lars Holm told Reuters that tariffs would be lifted.');
    assert.ok(a.quotes[0]!.via.some((c) => c.kind === 'outlet' && c.name === 'Reuters'));
    const b = run('In a post on X, Senator Amy Cole wrote that the bill was dead.');
    assert.deepEqual(b.quotes[0]!.via.map((c) => c.name).sort(), ['X', 'post']);
    const c = run('State news agency TASS quoted him as saying that talks would resume.');
    assert.equal(c.quotes[0]!.cue!.lemma, 'as saying');
    assert.ok(c.quotes[0]!.via.some((ch) => ch.kind === 'outlet' && ch.name === 'TASS'));
  });

  test('"said Thursday" dates the statement; otherwise the article date', () => {
    const { quotes } = run('The port will reopen next week, Harbour Master Ivo Kranjc said Thursday. He said the repairs cost $2 million.', '2025-04-04');
    assert.equal(quotes[0]!.date, '2025-04-03');
    assert.equal(quotes[1]!.date, '2025-04-04');
  });

  test('every statement records its rule and a confidence', () => {
    const { quotes } = run('"We are ready," Ana Ruiz said. She added that talks would resume.');
    for (const q of quotes) {
      assert.ok(q.rule.length > 0);
      assert.ok(q.confidence > 0 && q.confidence <= 1);
    }
  });
});

describe('development set', () => {
  test('the loader derives offsets from inline markup and rejects bad markup with file and line', () => {
    const g = parseAnnotated('date 2024-01-02\n"{d s="Ana Ruiz" c=say v="o:Reuters;s:interview"|Yes,}" she said.', 'x.txt');
    assert.equal(g.article.text, '"Yes," she said.');
    assert.equal(g.article.text.slice(g.quotes[0]!.start, g.quotes[0]!.end), 'Yes,');
    assert.deepEqual(g.quotes[0]!.via, [{ name: 'Reuters', kind: 'outlet' }, { name: 'interview', kind: 'setting' }]);
    assert.throws(() => parseAnnotated('date 2024-01-02\nText {d s="A"|open {i s="B"|nested}}', 'bad.txt'), /bad\.txt:2: unbalanced or nested/);
  });

  test('meets its goals: direct exact F1 ≥ 0.97, indirect+mixed overlap F1 ≥ 0.85, speaker accuracy ≥ 0.93', async () => {
    const { evaluateDevSet } = await import('../src/quotes/evaluate.js');
    const run = await evaluateDevSet();
    const gold = run.articles.reduce((n, a) => n + a.gold.quotes.length, 0);
    assert.ok(run.articles.length >= 40 && gold >= 400, `${run.articles.length} articles, ${gold} statements`);
    assert.ok(run.score.exact.direct!.f1 >= 0.97, `direct exact F1 ${run.score.exact.direct!.f1}`);
    assert.ok(run.score.overlap['indirect+mixed']!.f1 >= 0.85, `indirect+mixed overlap F1 ${run.score.overlap['indirect+mixed']!.f1}`);
    assert.ok(run.score.speaker.accuracy >= 0.93, `speaker accuracy ${run.score.speaker.accuracy}`);
  });
});

describe('reference article', () => {
  test('about twenty statements, all Dmitriev’s, with the expected types, channels and dates', (t) => {
    if (!seedPath) return t.skip(SHARED_ABSENT);
    const raw = readFileSync(seedPath, 'utf8');
    const head = /^ ?date (\S+) /.exec(raw)!;
    const text = raw.slice(head[0].length);
    const doc = pipeline.run(article(text, head[1]!));
    const quotes = doc.quotes;
    const content = (q: Quote) => text.slice(q.start, q.end);
    assert.ok(quotes.length >= 18 && quotes.length <= 28, `${quotes.length} statements`);
    for (const q of quotes) assert.equal(q.speaker?.name, 'Kirill Dmitriev', content(q));

    const direct = quotes.filter((q) => q.type === 'direct').map(content);
    const openings = ['You know, indeed', 'Significant progress', 'A moratorium', 'Active work', 'The priority remains', 'There are areas', 'The dialogue continues'];
    assert.equal(direct.length, 7);
    openings.forEach((o, i) => assert.ok(direct[i]!.startsWith(o), `direct quote ${i + 1}: ${direct[i]}`));

    const steps = quotes.find((q) => content(q).includes('three steps forward'))!;
    assert.equal(steps.type, 'mixed');
    assert.equal(steps.date, '2025-04-03');

    const someForm = quotes.find((q) => content(q).includes('"some form"'))!;
    assert.equal(someForm.type, 'mixed');
    assert.equal(text.slice(someForm.speaker!.start, someForm.speaker!.end), 'The official');

    const clarified = quotes.find((q) => content(q).includes('contingent upon the approval of the Russian government'))!;
    assert.equal(clarified.cue?.lemma, 'clarify');
    assert.ok(content(clarified).startsWith('such opportunities would only materialize if'));

    const briefing = quotes.find((q) => content(q).startsWith('You know, indeed'))!;
    assert.deepEqual(briefing.via.map((c) => `${c.kind}:${c.name}`).sort(), ['outlet:Anadolu Agency', 'setting:press briefing']);

    const fox = text.indexOf('In an interview on Fox News');
    const interview = quotes.filter((q) => q.start > fox);
    assert.ok(interview.length >= 3);
    for (const q of interview) assert.ok(q.via.some((c) => c.kind === 'outlet' && c.name === 'Fox News'), content(q));
  });
});
