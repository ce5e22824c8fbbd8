// Preloaded into a benchmarked command (`node --import …/exit-usage.js main.js analyze …`): when
// the process exits it writes its own figures as one JSON line to file descriptor 3 — wall time
// since the process started, CPU time of all its threads (start-up included) and peak RSS.
import { writeSync } from 'node:fs';

export interface ExitUsage {
  wallMs: number;
  cpuMs: number;
  peakRssMb: number;
}

process.on('exit', () => {
  const c = process.cpuUsage();
  const usage: ExitUsage = {
    wallMs: performance.now(),
    cpuMs: (c.user + c.system) / 1000,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
  writeSync(3, `${JSON.stringify(usage)}\n`);
});
