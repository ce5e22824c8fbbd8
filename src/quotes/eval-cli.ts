// `npm run eval:quotes`: scores the quotes stage on the hand-annotated development set
// (test/fixtures/quotes). `--errors` lists every miss and false alarm with its text.
import { devSetDir, evaluateDevSet, type DevSetRun } from './evaluate.js';
import { sameSpeaker } from './score.js';

function pct(x: number): string {
  return (x * 100).toFixed(1).padStart(6);
}

function report(title: string, run: DevSetRun): string[] {
  const { score } = run;
  const goldCount = run.articles.reduce((n, a) => n + a.gold.quotes.length, 0);
  const lines: string[] = [];
  lines.push(`${title}: ${run.articles.length} articles, ${goldCount} annotated statements`);
  lines.push('content            exact P     R    F1  | overlap P     R    F1');
  for (const key of ['direct', 'mixed', 'indirect', 'indirect+mixed', 'all']) {
    const e = score.exact[key]!;
    const o = score.overlap[key]!;
    lines.push(`${key.padEnd(16)} ${pct(e.precision)}${pct(e.recall)}${pct(e.f1)}  | ${pct(o.precision)}${pct(o.recall)}${pct(o.f1)}`);
  }
  lines.push(`speaker accuracy (matched statements): ${pct(score.speaker.accuracy)}  (${score.speaker.correct}/${score.speaker.total})`);
  lines.push(`channel accuracy (statements with a channel in gold or output): ${pct(score.channel.accuracy)}  (${score.channel.correct}/${score.channel.total})`);
  lines.push('');
  return lines;
}

async function main(argv: string[]): Promise<number> {
  const run = await evaluateDevSet(devSetDir('articles'));
  const heldout = await evaluateDevSet(devSetDir('heldout'));
  const lines = [
    ...report('development set (test/fixtures/quotes/articles)', run),
    ...report('held-out set, never used for tuning (test/fixtures/quotes/heldout)', heldout),
    `quotes stage speed (warm, one core, development set): ${Math.round(run.charsPerSecond).toLocaleString('en')} chars/s`,
  ];
  process.stdout.write(lines.join('\n') + '\n');

  if (argv.includes('--errors')) {
    for (const { gold, predicted } of run.articles) {
      const text = gold.article.text;
      const show = (s: number, e: number) => JSON.stringify(text.slice(s, e).slice(0, 140));
      for (const g of gold.quotes) {
        const p = predicted.find((q) => q.start < g.end && g.start < q.end);
        if (!p) process.stdout.write(`${gold.article.id} MISS ${g.type} ${show(g.start, g.end)} [${g.speaker}]\n`);
        else {
          if (p.start !== g.start || p.end !== g.end || p.type !== g.type) process.stdout.write(`${gold.article.id} SPAN ${g.type}->${p.type} gold ${show(g.start, g.end)}\n    got ${show(p.start, p.end)} (${p.rule})\n`);
          if (!p.speaker || !sameSpeaker(g.speaker, p.speaker.name)) process.stdout.write(`${gold.article.id} SPEAKER ${show(g.start, g.end)} gold [${g.speaker}] got [${p.speaker?.name}] (${p.rule})\n`);
          const gv = g.via.map((c) => c.kind[0] + ':' + c.name).sort().join(';');
          const pv = p.via.map((c) => c.kind[0] + ':' + c.name).sort().join(';');
          if (gv.toLowerCase() !== pv.toLowerCase()) process.stdout.write(`${gold.article.id} VIA ${show(g.start, g.end)} gold [${gv}] got [${pv}]\n`);
        }
      }
      for (const p of predicted) {
        if (!gold.quotes.some((g) => p.start < g.end && g.start < p.end)) process.stdout.write(`${gold.article.id} FALSE ${p.type} ${show(p.start, p.end)} [${p.speaker?.name}] (${p.rule})\n`);
      }
    }
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (err: unknown) => {
    process.stderr.write(`eval:quotes: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
