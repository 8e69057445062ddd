/**
 * A worker thread of the HTTP service: loads the rule set once, then checks each document it is
 * given (bytes and a name) and answers with the report, or with why the input is unusable.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { checkBytes, loadRuleSetFromPath, unusableReason } from '../node.js';
import { type CheckJob, type CheckReply, type PoolSetup } from './pool.js';

const setup = workerData as PoolSetup;
const ruleSets = new Map([[setup.language, loadRuleSetFromPath(setup.rules, setup.language)]]);

parentPort?.on('message', (job: CheckJob) => {
  void answer(job).then((reply) => parentPort?.postMessage(reply));
});

async function answer(job: CheckJob): Promise<CheckReply> {
  try {
    let ruleSet = ruleSets.get(job.language);
    if (ruleSet === undefined) {
      ruleSet = loadRuleSetFromPath(setup.rules, job.language);
      ruleSets.set(job.language, ruleSet);
    }
    const { report } = await checkBytes(ruleSet, new Uint8Array(job.bytes), job.name, {
      language: job.language,
      timeBudgetMs: job.timeBudgetMs,
      ...(job.only !== undefined ? { only: job.only } : {}),
      ...(job.skip !== undefined ? { skip: job.skip } : {}),
    });
    return { id: job.id, ok: true, report };
  } catch (error) {
    return { id: job.id, ok: false, ...unusableReason(error, job.name) };
  }
}
