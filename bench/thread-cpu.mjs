// CPU time per thread of a Node process, printed to stderr as it exits (Linux: /proc). Load it
// with `node --import ./bench/thread-cpu.mjs <script> …`; bench/README.md round 8 reads a full
// scan this way. Threads that ended before the exit (a worker) are not listed.
import { readdirSync, readFileSync } from 'node:fs';

const TICK_MS = 10; // USER_HZ is 100 on Linux

process.on('exit', () => {
  const threads = [];
  for (const id of readdirSync('/proc/self/task')) {
    const stat = readFileSync(`/proc/self/task/${id}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    threads.push({ thread: id, userMs: Number(fields[11]) * TICK_MS, sysMs: Number(fields[12]) * TICK_MS });
  }
  process.stderr.write(`thread-cpu ${JSON.stringify(threads.filter((t) => t.userMs + t.sysMs > 0))}\n`);
});
