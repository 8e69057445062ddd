/**
 * The page's side of the worker protocol: numbers every request and delivers a response only if
 * it answers the newest request of its kind, so a stale result never overwrites a newer one.
 */
import EngineWorker from './engine.worker.ts?worker';
import { type WorkerRequest, type WorkerResponse } from './protocol.js';

type Kind = WorkerRequest['type'];
type Body<K extends Kind> = Omit<Extract<WorkerRequest, { type: K }>, 'id' | 'type'>;
type Answer<K extends Kind> = Extract<WorkerResponse, { type: K extends 'evaluate' ? 'evaluated' : K extends 'import' | 'importPdf' ? 'imported' : 'casesRun' }>;
type Located = Extract<WorkerResponse, { type: 'located' }>;

/** The watchdog's limit can be lowered for tests: `window.playgroundWatchdogMs`, read at each request. */
function watchdogOverride(): number | undefined {
  const value = (globalThis as { playgroundWatchdogMs?: unknown }).playgroundWatchdogMs;
  return typeof value === 'number' && value > 0 ? value : undefined;
}

/**
 * How long the page waits for an answer before it stops the worker and starts a fresh one (ms):
 * the engine stops itself past its own 10 s budget; this catches anything that would not.
 */
export const WATCHDOG_MS: Readonly<Record<Kind, number>> = { evaluate: 15_000, runCases: 30_000, import: 30_000, importPdf: 60_000 };

/** What a request that the watchdog stopped answers, by kind, naming the rule it was in if known. */
function stopped(request: WorkerRequest, seconds: number, ruleId: string | undefined): WorkerResponse {
  const where = ruleId === undefined ? '' : `，停在规则 ${ruleId}`;
  const whereEn = ruleId === undefined ? '' : ` in rule ${ruleId}`;
  const reason = `检查超过 ${seconds} 秒仍未结束${where}，已停止并重新启动检查程序：请检查${ruleId === undefined ? '最近改动的规则' : '这条规则'}或文档 / stopped after ${seconds} s${whereEn}; the checker was restarted`;
  switch (request.type) {
    case 'evaluate':
      return { type: 'evaluated', id: request.id, findings: [], ruleProblems: [], internalError: reason, elapsed: seconds * 1000 };
    case 'runCases':
      return { type: 'casesRun', id: request.id, ruleId: request.ruleId, results: [], ruleProblems: [{ message: reason, range: { offset: 0, length: 0, exact: false } }] };
    case 'import':
    case 'importPdf':
      return { type: 'imported', id: request.id, problems: [], error: reason };
  }
}

/** A client of the evaluation worker. */
export class EngineClient {
  private worker: Worker;
  private nextId = 1;
  private readonly newest = new Map<string, number>();
  private readonly waiting = new Map<number, { request: WorkerRequest; resolve: (response: WorkerResponse) => void }>();
  private locatedListener?: (located: Located) => void;
  /** The rule each running evaluation is in, by request id. */
  private readonly inRule = new Map<number, string>();
  /** Workers restarted by the watchdog so far (tests read it). */
  restarts = 0;

  constructor() {
    this.worker = this.start();
  }

  private start(): Worker {
    const worker = new EngineWorker();
    worker.addEventListener('message', (event: MessageEvent<WorkerResponse>) => {
      if (event.data.type === 'progress') {
        if (this.waiting.has(event.data.id)) this.inRule.set(event.data.id, event.data.ruleId);
        return;
      }
      if (event.data.type === 'located') {
        if (this.newest.get('evaluate') === event.data.id) this.locatedListener?.(event.data);
        return;
      }
      const waiting = this.waiting.get(event.data.id);
      this.waiting.delete(event.data.id);
      this.inRule.delete(event.data.id);
      waiting?.resolve(event.data);
    });
    return worker;
  }

  /** Stops a worker that has not answered in time, answers what it owed, and starts a fresh one. */
  private restart(seconds: number): void {
    this.worker.terminate();
    this.restarts += 1;
    const owed = [...this.waiting.values()];
    this.waiting.clear();
    this.worker = this.start();
    for (const { request, resolve } of owed) resolve(stopped(request, seconds, this.inRule.get(request.id)));
    this.inRule.clear();
  }

  /**
   * Receives the places of the newest evaluation's findings (stale ones are dropped).
   * @param listener Called with the ranges, in the order of the findings.
   */
  onLocated(listener: (located: Located) => void): void {
    this.locatedListener = listener;
  }

  /**
   * Sends a request; resolves with its response, or with undefined if a newer request of the same
   * kind was sent meanwhile (the response is stale).
   * @param type Request kind.
   * @param body The request.
   */
  async request<K extends Kind>(type: K, body: Body<K>): Promise<Answer<K> | undefined> {
    const id = this.nextId++;
    this.newest.set(type, id);
    const limit = watchdogOverride() ?? WATCHDOG_MS[type];
    const response = await new Promise<WorkerResponse>((resolve) => {
      const request = { ...body, type, id } as unknown as WorkerRequest;
      const timer = setTimeout(() => {
        if (this.waiting.has(id)) this.restart(limit / 1000);
      }, limit);
      this.waiting.set(id, {
        request,
        resolve: (answer) => {
          clearTimeout(timer);
          resolve(answer);
        },
      });
      this.worker.postMessage(request);
    });
    return this.newest.get(type) === id ? (response as Answer<K>) : undefined;
  }
}
