import type { Db } from '../../../store/db.js';
import { loadCorpusIndex, readCorpusVersion, type CorpusIndex } from './corpus-index.js';
import { loadCorpusIndexInWorker } from './build-in-worker.js';

/**
 * Keeps the newest built corpus index and rebuilds it off the request path. A search takes the
 * index as it is (never a database read, never a wait once one index exists); news of a new
 * corpus version comes from the database — NOTIFY corpus_version as each change commits
 * (migration 065), and a poll of corpus_state.version once a second for whatever a dropped
 * listening connection missed — and starts one build at a time. The old index answers until the
 * new one is complete, then the two are swapped in one assignment.
 *
 * Writers that must see their own change before they answer (an upload, a test) call refresh().
 */
export interface IndexHolder {
  /** The newest complete index; waits only before the very first one is built. */
  current(): Promise<CorpusIndex>;
  /** Reads the database's version and waits until an index at least that new is in place. */
  refresh(): Promise<CorpusIndex>;
  /** Stops listening and polling (they start again with the next call). */
  stop(): Promise<void>;
}

export interface IndexHolderOptions {
  /** How often corpus_state.version is read besides the notifications; 1 s keeps news under 2 s. */
  pollMs?: number;
  /** How the first index is built, before anything is answered (loadCorpusIndex on this thread unless given). */
  load?: (db: Db) => Promise<CorpusIndex>;
  /**
   * How later indexes are built while the old one answers: in a worker thread unless given, so a
   * large library's build never stalls the requests; on this thread if the worker fails.
   */
  rebuild?: (db: Db) => Promise<CorpusIndex>;
}

const CHANNEL = 'corpus_version';
const POLL_MS = 1000;
/**
 * A bulk load commits a document every fraction of a second: news is acted on once the corpus has
 * been quiet this long, so that one build follows the load instead of one per document…
 */
const QUIET_MS = 250;
/** …but never later than this after the first news, so a long load still shows up as it goes. */
const MAX_WAIT_MS = 10_000;

export function createIndexHolder(db: Db, opts: IndexHolderOptions = {}): IndexHolder {
  const load = opts.load ?? ((d: Db) => loadCorpusIndex(d));
  const rebuild = opts.rebuild ?? ((d: Db) => loadCorpusIndexInWorker(d).catch(() => load(d)));
  const pollMs = opts.pollMs ?? POLL_MS;
  let current: CorpusIndex | null = null;
  let building: Promise<CorpusIndex> | null = null;
  /** The newest version heard of (notification, poll or refresh). */
  let latest = 0n;
  let watching = false;
  let timer: NodeJS.Timeout | null = null;
  let unlisten: (() => Promise<void>) | null = null;
  let polling = false;
  let quietTimer: NodeJS.Timeout | null = null;
  let firstNewsAt = 0;

  const builtVersion = () => (current ? BigInt(current.version) : -1n);

  /** Starts a build unless one runs or the index is already that new; chains while news arrives. */
  function kick(): Promise<CorpusIndex> | null {
    if (building) return building;
    if (current && builtVersion() >= latest) return null;
    const promise = (current ? rebuild : load)(db).then(
      (idx) => {
        // What the first search would otherwise derive (readings.ts), derived before the index answers.
        idx.readings.prepare();
        // A build that read an older version than the one in place never replaces it.
        if (BigInt(idx.version) >= builtVersion()) current = idx;
        if (BigInt(idx.version) > latest) latest = BigInt(idx.version);
        building = null;
        if (latest > builtVersion()) settle();
        return idx;
      },
      (err: unknown) => {
        building = null;
        throw err;
      },
    );
    building = promise;
    // A background build's failure leaves the old index answering; refresh() reports it.
    promise.catch(() => undefined);
    return promise;
  }

  /** Builds once the corpus has been quiet for QUIET_MS (or MAX_WAIT_MS after the first news). */
  function settle(): void {
    const now = Date.now();
    if (!firstNewsAt) firstNewsAt = now;
    if (quietTimer) clearTimeout(quietTimer);
    quietTimer = setTimeout(
      () => {
        quietTimer = null;
        firstNewsAt = 0;
        kick();
      },
      Math.min(QUIET_MS, Math.max(0, firstNewsAt + MAX_WAIT_MS - now)),
    );
    quietTimer.unref();
  }

  function heard(version: bigint): void {
    if (version <= latest) return;
    latest = version;
    if (current && builtVersion() >= latest) return;
    settle();
  }

  function watch(): void {
    if (watching) return;
    watching = true;
    if (db.listen) {
      db.listen(CHANNEL, (payload) => {
        if (/^\d+$/.test(payload)) heard(BigInt(payload));
      }).then(
        (stop) => {
          if (watching) unlisten = stop;
          else void stop().catch(() => undefined);
        },
        // No LISTEN (a proxy that does not pass it): the poll alone brings news.
        () => undefined,
      );
    }
    timer = setInterval(() => {
      if (polling) return;
      polling = true;
      readCorpusVersion(db)
        .then((v) => heard(BigInt(v)))
        // A closed or unreachable database: stop; the next search or refresh starts watching again.
        .catch(() => stop())
        .finally(() => (polling = false));
    }, pollMs);
    timer.unref();
  }

  async function stop(): Promise<void> {
    watching = false;
    if (timer) clearInterval(timer);
    if (quietTimer) clearTimeout(quietTimer);
    timer = quietTimer = null;
    firstNewsAt = 0;
    const u = unlisten;
    unlisten = null;
    await u?.().catch(() => undefined);
  }

  async function refresh(): Promise<CorpusIndex> {
    watch();
    const wanted = BigInt(await readCorpusVersion(db));
    if (wanted > latest) latest = wanted;
    while (!current || builtVersion() < wanted) {
      const pending = kick();
      if (!pending) break;
      await pending;
    }
    return current!;
  }

  return {
    async current() {
      watch();
      return current ?? refresh();
    },
    refresh,
    stop,
  };
}
