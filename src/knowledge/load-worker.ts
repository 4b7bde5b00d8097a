import { parentPort, workerData } from 'node:worker_threads';
import { readKnowledgeFolder, type WorkerMessage } from './load';

// The worker thread of loadKnowledge: checks the folder and posts the result back.
const post = (message: WorkerMessage) => parentPort!.postMessage(message);
const result = await readKnowledgeFolder((workerData as { dir: string }).dir, (file) => post({ type: 'file', file }));
post({ type: 'done', result });
