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

/** A client of the evaluation worker. */
export class EngineClient {
  private readonly worker: Worker = new EngineWorker();
  private nextId = 1;
  private readonly newest = new Map<string, number>();
  private readonly waiting = new Map<number, (response: WorkerResponse) => void>();
  private locatedListener?: (located: Located) => void;

  constructor() {
    this.worker.addEventListener('message', (event: MessageEvent<WorkerResponse>) => {
      if (event.data.type === 'located') {
        if (this.newest.get('evaluate') === event.data.id) this.locatedListener?.(event.data);
        return;
      }
      const resolve = this.waiting.get(event.data.id);
      this.waiting.delete(event.data.id);
      resolve?.(event.data);
    });
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
    const response = await new Promise<WorkerResponse>((resolve) => {
      this.waiting.set(id, resolve);
      const request = { ...body, type, id } as unknown as WorkerRequest;
      this.worker.postMessage(request);
    });
    return this.newest.get(type) === id ? (response as Answer<K>) : undefined;
  }
}
