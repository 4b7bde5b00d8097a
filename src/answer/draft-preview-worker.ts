import { parentPort, workerData } from 'node:worker_threads';
import { previewDraft, type PreviewRequest } from './draft-preview';

// The worker thread of previewInWorker: builds the preview and posts it back (plain data).
const { request } = workerData as { request: PreviewRequest };
parentPort!.postMessage(await previewDraft(request.texts, request.draft, request.questions));
