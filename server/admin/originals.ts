import fs from 'node:fs';
import path from 'node:path';

/**
 * Uploaded files are kept as DATA_DIR/originals/<sha256> so a document can be re-parsed
 * (reindex) when the parser or chunker improves. Named by content hash: never by the
 * client's file name, and the same bytes are stored once.
 */
export function originalsDir(dataDir: string): string {
  return path.join(dataDir, 'originals');
}

export function originalPath(dataDir: string, sha: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha)) throw new Error('not a sha256 hex digest');
  return path.join(originalsDir(dataDir), sha);
}

/** Moves a received temp file into the originals store (rename: both live under DATA_DIR). */
export function keepOriginal(dataDir: string, sha: string, tmpPath: string): void {
  const dest = originalPath(dataDir, sha);
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  if (fs.existsSync(dest)) {
    fs.rmSync(tmpPath, { force: true });
    return;
  }
  try {
    fs.renameSync(tmpPath, dest);
  } catch {
    fs.copyFileSync(tmpPath, dest);
    fs.rmSync(tmpPath, { force: true });
  }
}

export function readOriginal(dataDir: string, sha: string): Buffer | null {
  const p = originalPath(dataDir, sha);
  return fs.existsSync(p) ? fs.readFileSync(p) : null;
}

export function hasOriginal(dataDir: string, sha: string): boolean {
  return /^[0-9a-f]{64}$/.test(sha) && fs.existsSync(originalPath(dataDir, sha));
}

export function removeOriginal(dataDir: string, sha: string): void {
  if (/^[0-9a-f]{64}$/.test(sha)) fs.rmSync(originalPath(dataDir, sha), { force: true });
}
