import zlib from 'node:zlib';

/**
 * A minimal ustar writer and reader for backups: the archive holds the PGlite dump (itself a
 * .tar.gz made by PGlite) and the uploaded originals, so one file restores a whole DATA_DIR.
 * Only regular files with names under 100 bytes (originals are `originals/<sha256>`).
 */

export interface ArchiveEntry {
  name: string;
  data: Buffer;
}

const BLOCK = 512;

function header(name: string, size: number, mtime: number): Buffer {
  const h = Buffer.alloc(BLOCK, 0);
  if (Buffer.byteLength(name) > 99) throw new Error(`archive entry name too long: ${name}`);
  h.write(name, 0, 'utf8');
  h.write('0000600\0', 100, 'ascii'); // mode: owner only, backups hold personal data
  h.write('0000000\0', 108, 'ascii'); // uid
  h.write('0000000\0', 116, 'ascii'); // gid
  h.write(`${size.toString(8).padStart(11, '0')}\0`, 124, 'ascii');
  h.write(
    `${Math.floor(mtime / 1000)
      .toString(8)
      .padStart(11, '0')}\0`,
    136,
    'ascii',
  );
  h.write('        ', 148, 'ascii'); // checksum placeholder: spaces while summing
  h.write('0', 156, 'ascii'); // regular file
  h.write('ustar\0', 257, 'ascii');
  h.write('00', 263, 'ascii');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return h;
}

export function writeTarGz(entries: ArchiveEntry[], mtime = Date.now()): Buffer {
  const parts: Buffer[] = [];
  for (const e of entries) {
    parts.push(header(e.name, e.data.length, mtime), e.data);
    const pad = (BLOCK - (e.data.length % BLOCK)) % BLOCK;
    if (pad) parts.push(Buffer.alloc(pad, 0));
  }
  parts.push(Buffer.alloc(BLOCK * 2, 0));
  return zlib.gzipSync(Buffer.concat(parts));
}

/** The entries of a .tar.gz, or null when it is not a tar (or not gzip) at all. */
export function readTarGz(bytes: Buffer): ArchiveEntry[] | null {
  let tar: Buffer;
  try {
    tar = zlib.gunzipSync(bytes);
  } catch {
    return null;
  }
  const out: ArchiveEntry[] = [];
  let off = 0;
  while (off + BLOCK <= tar.length) {
    const h = tar.subarray(off, off + BLOCK);
    if (h.every((b) => b === 0)) break;
    if (h.toString('ascii', 257, 262) !== 'ustar') return null;
    const name = h.toString('utf8', 0, 100).replace(/\0.*$/s, '');
    const prefix = h.toString('utf8', 345, 500).replace(/\0.*$/s, '');
    const size = parseInt(h.toString('ascii', 124, 136).replace(/\0.*$/s, '').trim() || '0', 8);
    const type = h.toString('ascii', 156, 157);
    off += BLOCK;
    if (type === '0' || type === '\0') out.push({ name: prefix ? `${prefix}/${name}` : name, data: Buffer.from(tar.subarray(off, off + size)) });
    off += Math.ceil(size / BLOCK) * BLOCK;
  }
  return out;
}
