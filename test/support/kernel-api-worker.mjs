// A stand-in for Kernel's API on 127.0.0.1 (random port), run in a worker thread so it keeps
// answering while the test's main thread is blocked in spawnSync (test/support/git-repo.ts `run`).
// It plays one behaviour per token (keyed by the SHA-256 of the token, so no token is stored
// here) and records every request it gets: method, path, the fingerprint of the Authorization
// header, the header names, and the most requests it held at once.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { parentPort } from 'node:worker_threads';

const sha256 = (text) => createHash('sha256').update(text).digest('hex');
let behaviours = new Map();
let requests = [];
let inFlight = 0;
let maxInFlight = 0;
/** `hold` requests wait for each other: released together when `holdCount` are waiting, or 300 ms after the last arrival. */
let held = [];
let holdCount = 0;
let holdTimer;

function releaseHeld() {
  clearTimeout(holdTimer);
  for (const answer of held.splice(0)) answer();
}

const server = createServer((req, res) => {
  inFlight++;
  maxInFlight = Math.max(maxInFlight, inFlight);
  let done = false;
  const finish = () => {
    if (!done) inFlight--;
    done = true;
  };
  res.on('close', finish);
  const auth = req.headers.authorization ?? '';
  requests.push({ method: req.method, path: req.url, authorization: sha256(auth), headerNames: Object.keys(req.headers).sort() });
  const token = auth.startsWith('Bearer ') ? auth.slice('Bearer '.length) : '';
  const behaviour = behaviours.get(sha256(token)) ?? { status: 401 };
  const answer = () => {
    if (behaviour.redirect) res.setHeader('Location', behaviour.redirect);
    res.statusCode = behaviour.status;
    res.end('{}');
  };
  if (behaviour.silent) return; // never answers: the client's timeout must end it
  if (!behaviour.hold) return answer();
  held.push(answer);
  clearTimeout(holdTimer);
  if (held.length >= holdCount) releaseHeld();
  else holdTimer = setTimeout(releaseHeld, 300);
});

server.listen(0, '127.0.0.1', () => {
  parentPort.postMessage({ type: 'listening', port: server.address().port });
});

parentPort.on('message', (msg) => {
  if (msg.type === 'plan') {
    behaviours = new Map(Object.entries(msg.behaviours));
    holdCount = msg.holdCount ?? 0;
    requests = [];
    maxInFlight = 0;
    parentPort.postMessage({ type: 'planned' });
  } else if (msg.type === 'log') {
    parentPort.postMessage({ type: 'log', requests, maxInFlight });
  } else if (msg.type === 'close') {
    server.closeAllConnections();
    server.close(() => parentPort.postMessage({ type: 'closed' }));
  }
});
