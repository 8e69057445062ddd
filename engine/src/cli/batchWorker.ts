/**
 * A worker thread of a batch check: loads the rule set once, then checks each file it is given
 * and answers with the file's result (never throws: an unusable file is a result too).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadRuleSetFromPath } from '../node.js';
import { type WorkerSetup, checkOne } from './batch.js';

const setup = workerData as WorkerSetup;
const ruleSet = loadRuleSetFromPath(setup.rules, setup.language);
parentPort?.on('message', (message: { index: number; file: string }) => {
  void checkOne(message.file, setup, ruleSet).then((result) => parentPort?.postMessage({ index: message.index, result }));
});
