/// <reference lib="webworker" />
/**
 * The evaluation worker: the engine runs here so typing never waits for it. After the first
 * result for a new document it warms its own code paths (evaluating and scanning the same texts a
 * few times while idle, which also makes the paths that build findings hot), so the first edit a
 * person makes is answered as fast as the later ones; a real request always goes first.
 */
import { locatePointers } from '../editor/pointerToRange.js';
import { handle, locate } from './evaluator.js';
import { type WorkerRequest } from './protocol.js';

const WARM_UP_RUNS = 4;
const scope = self as unknown as DedicatedWorkerGlobalScope;
let pending = 0;

function warmUp(request: Extract<WorkerRequest, { type: 'evaluate' }>, runs: number): void {
  if (runs === 0 || pending > 0) return;
  void handle(request).then(() => {
    locatePointers(request.documentText, ['/tables']);
    setTimeout(() => {
      warmUp(request, runs - 1);
    }, 0);
  });
}

scope.addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  pending++;
  // Each rule as it starts: if the page has to stop this worker, it can name the rule.
  handle(request, (ruleId) => {
    scope.postMessage({ type: 'progress', id: request.id, ruleId });
  })
    .then((response) => {
      scope.postMessage(response);
      // The findings first, then (a text scan later) where they are.
      const located = request.type === 'evaluate' && response.type === 'evaluated' ? locate(request, response) : undefined;
      if (located !== undefined) scope.postMessage(located);
    })
    .catch((error: unknown) => {
      // The engine never throws on a document; if something else does, say so instead of hanging.
      const message = `内部错误，请报告此问题 / internal error: ${(error as Error).message}`;
      scope.postMessage({ type: 'evaluated', id: request.id, findings: [], ruleProblems: [], internalError: message, elapsed: 0 });
    })
    .finally(() => {
      pending--;
      if (request.type === 'evaluate' && request.warmUp === true)
        setTimeout(() => {
          warmUp(request, WARM_UP_RUNS);
        }, 0);
    });
});
