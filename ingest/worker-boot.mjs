// Entry of a worker thread (document parsing, search index builds). Worker threads do not inherit tsx's loader hooks (Node 20),
// so when the project runs from TypeScript sources the worker module is loaded through tsx's
// API; compiled JavaScript is imported directly.
import { workerData } from 'node:worker_threads';

const entry = workerData.entry;
if (entry.endsWith('.ts')) {
  const { tsImport } = await import('tsx/esm/api');
  await tsImport(entry, import.meta.url);
} else {
  await import(entry);
}
