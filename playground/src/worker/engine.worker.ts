/// <reference lib="webworker" />
/** The evaluation worker: the engine runs here so typing never waits for it. */
import { handle } from './evaluator.js';
import { type WorkerRequest } from './protocol.js';

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  handle(request)
    .then((response) => scope.postMessage(response))
    .catch((error: unknown) => {
      // The engine never throws on a document; if something else does, say so instead of hanging.
      const message = `内部错误，请报告此问题 / internal error: ${(error as Error).message}`;
      scope.postMessage({ type: 'evaluated', id: request.id, findings: [], ruleProblems: [], internalError: message, elapsed: 0 });
    });
});
