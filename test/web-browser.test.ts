import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { repoPath } from './helpers.js';
import { buildExampleCorpus, HOSTILE, startServer } from './server-fixture.js';

// The workbench in a real browser (Debian's chromium, which .ci/run installs): each view on the
// example corpus, the click path reader → speaker → timeline → issue, and hostile article text.
// Screenshots land in test-artifacts/ for a person to look at.

const CHROMIUM = '/usr/bin/chromium';
const artifacts = repoPath('test-artifacts');
const missing = !existsSync(CHROMIUM);
if (missing && process.env.CI) throw new Error(`${CHROMIUM} is missing: .ci/run installs Debian's chromium for the browser tests`);

let browser: Browser;
let base: string;
let close: () => Promise<void>;
const dialogs: string[] = [];

async function open(path: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(base + path);
  return page;
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${artifacts}/${name}.png`, fullPage: true });
}

before(async () => {
  if (missing) return;
  mkdirSync(artifacts, { recursive: true });
  ({ base, close } = await startServer(buildExampleCorpus()));
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
});

after(async () => {
  if (missing) return;
  await browser.close();
  await close();
});

test('reader → speaker → timeline → issue, by clicking', { skip: missing && `${CHROMIUM} absent: browser tests skipped` }, async () => {
  const page = await open('/');
  await shot(page, '1-articles');
  // The article with the most statements: the reader has the most to show there.
  const rows = await page.$$eval('tbody tr', (trs) =>
    trs.map((tr) => ({ href: tr.querySelector('a')!.getAttribute('href')!, statements: Number(tr.children[3]!.textContent) })),
  );
  const best = rows.sort((a, b) => b.statements - a.statements)[0]!;
  assert.ok(best.statements > 0, 'an example article has statements');
  await page.click(`a[href="${best.href}"]`);
  await page.waitForSelector('#article-text .quote');
  const quoteSpans = await page.$$eval('#article-text .quote[tabindex]', (els) => els.length);
  assert.equal(quoteSpans, best.statements, 'each statement is highlighted once');
  assert.ok((await page.$$('.legend li')).length > 0, 'a legend of speakers');
  assert.ok((await page.$$('#article-text .cue')).length > 0, 'cues are underlined');

  await page.focus('#article-text .quote[tabindex]');
  await page.keyboard.press('Enter');
  const panel = await page.textContent('#detail');
  assert.match(panel!, /speaker/);
  assert.match(panel!, /rule/);
  await shot(page, '2-reader');

  const speaker = (await page.textContent('.legend li a'))!;
  await page.click('.legend li a');
  await page.waitForSelector('h1');
  assert.equal((await page.textContent('h1'))!.trim(), speaker);
  assert.match((await page.textContent('main'))!, /Statements \([1-9]/);
  await shot(page, '3-speaker');

  await page.goto(`${base}/timeline?a=RUS&b=USA&by=month&allModalities=true`);
  await page.waitForSelector('#timeline-chart[data-ready]');
  await shot(page, '4-timeline');
  const bar = await page.evaluate(() => {
    const canvas = document.getElementById('timeline-chart') as HTMLCanvasElement;
    const chart = (window as unknown as { Chart: { getChart(c: HTMLCanvasElement): any } }).Chart.getChart(canvas);
    for (let d = 0; d < 4; d++) {
      const meta = chart.getDatasetMeta(d);
      const i = chart.data.datasets[d].data.findIndex((v: number) => v > 0);
      if (i >= 0) {
        const el = meta.data[i];
        const box = canvas.getBoundingClientRect();
        return { x: box.left + el.x, y: box.top + (el.y + el.base) / 2 };
      }
    }
    return null;
  });
  assert.ok(bar, 'the Russia–US timeline shows bars');
  await page.mouse.click(bar.x, bar.y);
  await page.waitForURL(/bucket=/);
  assert.ok((await page.$$('main table')).length >= 2, 'the bucket lists its events');
  assert.match((await page.textContent('main'))!, /Events in \d{4}/);

  await page.goto(`${base}/issues`);
  const cards = await page.$$('.card');
  assert.ok(cards.length >= 3, `issue cards: ${cards.length}`);
  await shot(page, '5-issues');
  await page.click('.card h2 a');
  await page.waitForSelector('h2');
  assert.match((await page.textContent('main'))!, /Actors and stances/);
  await shot(page, '6-issue');
  await page.close();
});

test('search highlights matches and analyse shows the reader at once', { skip: missing && `${CHROMIUM} absent: browser tests skipped` }, async () => {
  const page = await open('/search');
  await page.fill('input[name=text]', 'ceasefire');
  await page.press('input[name=text]', 'Enter');
  await page.waitForSelector('mark');
  assert.match((await page.textContent('mark'))!, /ceasefire/i);
  await shot(page, '7-search');

  await page.goto(`${base}/analyze`);
  await page.fill('textarea[name=text]', 'OSLO, June 3 - Norwegian Foreign Minister Ingrid Dahl said on Tuesday that the talks had made progress. "We are closer than ever," Dahl told reporters.');
  await page.fill('input[name=date]', '2025-06-03');
  await page.click('button[type=submit]');
  await page.waitForSelector('#article-text .quote');
  assert.match((await page.textContent('.legend'))!, /Dahl/);
  await shot(page, '8-analyse');
  await page.close();
});

test('hostile article text is shown as text and never executes', { skip: missing && `${CHROMIUM} absent: browser tests skipped` }, async () => {
  const pages = [`/articles/${HOSTILE.id}`, '/', '/search?text=script', '/search?text=Weber', `/entities/${encodeURIComponent('Anna Weber')}`];
  for (const path of pages) {
    const page = await open(path);
    await page.waitForLoadState('load');
    await page.evaluate(() => new Promise((r) => setTimeout(r, 100)));
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned), undefined, `script ran on ${path}`);
    assert.equal(await page.$$eval('main img', (els) => els.length), 0, `an <img> from article text was rendered on ${path}`);
    const hrefs = await page.$$eval('a', (as) => as.map((a) => a.getAttribute('href') ?? ''));
    assert.ok(!hrefs.some((h) => /^javascript:/i.test(h)), `a javascript: link on ${path}`);
    if (path.startsWith('/articles/')) {
      assert.match((await page.textContent('#article-text'))!, /<script>window.__pwned/);
      await page.click('a[href="#"]').catch(() => undefined);
    }
    await page.close();
  }
  assert.deepEqual(dialogs, []);
});
