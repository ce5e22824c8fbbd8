import { readFileSync } from 'node:fs';
import type { Doc } from '../src/doc.js';
import type { IssueFinding } from '../src/issues/types.js';
import type { Article, Quote } from '../src/types.js';
import { repoPath } from './helpers.js';

/** Path of a fixture under test/fixtures/issues. */
export function issueFixture(name: string): string {
  return repoPath('test', 'fixtures', 'issues', name);
}

/** An Article from a fixture text file. */
export function fixtureArticle(name: string, date: string | null): Article {
  return article(name, date, readFileSync(issueFixture(name), 'utf8'));
}

export function article(id: string, date: string | null, text: string): Article {
  return { id, date, title: null, source: null, url: null, text, boilerplate: [] };
}

/** The doc's finding for an issue, or undefined. */
export function finding(doc: Doc, id: string): IssueFinding | undefined {
  return (doc.issues as IssueFinding[]).find((f) => f.id === id);
}

/** The quote whose content contains `words`. */
export function quoteWith(doc: Doc, words: string): Quote | undefined {
  return doc.quotes.find((q) => doc.slice(q).includes(words));
}

/** Stance of `actor` on issue `id`, or undefined. */
export function stanceOf(doc: Doc, id: string, actor: string): string | undefined {
  return finding(doc, id)?.stances.find((s) => s.actor === actor)?.stance;
}
