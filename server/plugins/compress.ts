import zlib from 'node:zlib';
import fp from 'fastify-plugin';
import compress from '@fastify/compress';

/**
 * Responses are compressed for phones on slow mobile data: JSON answers, search results and
 * the HTML pages on the fly (brotli at quality 4 costs about as much CPU as gzip -6 and saves
 * more), the hashed scripts and styles from the .br/.gz files the web build writes beside them
 * (server/plugins/static.ts, preCompressed), so a 230 KB chat script goes out as ~70 KB
 * without compressing it on every request. Streamed answers are written after hijack and
 * never pass through here: an SSE event must reach the phone the moment it is written.
 */
export default fp(
  async (app) => {
    await app.register(compress, {
      global: true,
      encodings: ['br', 'gzip'],
      // Below ~1 KB the headers cost more than compression saves.
      threshold: 1024,
      // Every JSON answer (a search's ten articles are 20–30 KB) is compressed in one call rather
      // than through a zlib stream: the stream's setup and scheduling cost more CPU than the
      // compression itself at these sizes, and on the two cores it is meant for there is no idle
      // core for the threadpool to overlap with. The plugin's default on two cores is 8 KB.
      syncThreshold: 64 * 1024,
      brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } },
      // Request bodies are small JSON; a compressed request body is refused rather than inflated.
      globalDecompression: false,
    });
  },
  { name: 'compress', fastify: '5.x' },
);
