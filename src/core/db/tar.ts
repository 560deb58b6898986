/**
 * The part of the tar format (POSIX ustar) a PostgreSQL data directory needs: folders and regular files.
 * Folders are entries of their own, so an empty folder survives the trip (electron-builder drops empty
 * folders it copies, and PostgreSQL refuses to start without `pg_notify`, `pg_tblspc`…).
 */

const BLOCK = 512;

export interface TarEntry {
  /** A relative path with `/` separators; folders without a trailing slash. */
  name: string;
  kind: 'dir' | 'file';
  /** A file's bytes (empty for a folder). */
  data: Uint8Array;
}

const field = (header: Buffer, offset: number, length: number, value: string) => {
  header.write(value, offset, length, 'latin1');
};
const octalField = (header: Buffer, offset: number, length: number, value: number) => {
  field(header, offset, length, `${value.toString(8).padStart(length - 1, '0')}\0`);
};

function checksumOf(header: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : header[i]!;
  return sum;
}

function headerFor(entry: TarEntry): Buffer {
  const header = Buffer.alloc(BLOCK);
  const name = entry.kind === 'dir' ? `${entry.name}/` : entry.name;
  if (Buffer.byteLength(name, 'latin1') > 100 || /[^\x20-\x7e]/.test(name)) throw new Error(`tar: the name ${JSON.stringify(name)} is not a short ASCII name`);
  field(header, 0, 100, name);
  octalField(header, 100, 8, entry.kind === 'dir' ? 0o700 : 0o600);
  octalField(header, 108, 8, 0);
  octalField(header, 116, 8, 0);
  octalField(header, 124, 12, entry.kind === 'dir' ? 0 : entry.data.byteLength);
  octalField(header, 136, 12, 0);
  field(header, 156, 1, entry.kind === 'dir' ? '5' : '0');
  field(header, 257, 8, 'ustar\x0000');
  field(header, 148, 8, `${checksumOf(header).toString(8).padStart(6, '0')}\0 `);
  return header;
}

/** One tar archive of the entries, in their order, with the end-of-archive marker. */
export function writeTar(entries: readonly TarEntry[]): Buffer {
  const parts: Uint8Array[] = [];
  for (const entry of entries) {
    parts.push(headerFor(entry));
    if (entry.kind === 'file' && entry.data.byteLength > 0) {
      parts.push(entry.data);
      const padding = (BLOCK - (entry.data.byteLength % BLOCK)) % BLOCK;
      if (padding) parts.push(Buffer.alloc(padding));
    }
  }
  parts.push(Buffer.alloc(2 * BLOCK));
  return Buffer.concat(parts);
}

/** A NUL-terminated field of a tar header. */
export const text = (bytes: Uint8Array) => {
  const end = bytes.indexOf(0);
  return Buffer.from(end === -1 ? bytes : bytes.subarray(0, end)).toString('latin1');
};
/** An octal number field of a tar header; NaN when it is not one. */
export const octal = (bytes: Uint8Array) => {
  const value = text(bytes).trim();
  return /^[0-7]+$/.test(value) ? Number.parseInt(value, 8) : Number.NaN;
};

/** A name that stays inside the folder it is unpacked into. */
const isSafeName = (name: string) =>
  name.length > 0 && !name.startsWith('/') && !name.includes('\\') && name.split('/').every((part) => part !== '' && part !== '.' && part !== '..');

/**
 * Every folder and file of a tar archive, checked whole: each header's checksum, each file's bytes, the
 * end-of-archive marker, and names that stay inside the target. Anything else (links, devices) is refused.
 * Throws an Error that says what is wrong.
 */
export function readTar(tar: Uint8Array): TarEntry[] {
  const entries: TarEntry[] = [];
  let offset = 0;
  while (offset + BLOCK <= tar.length) {
    const header = tar.subarray(offset, offset + BLOCK);
    if (header.every((byte) => byte === 0)) return entries;
    if (octal(header.subarray(148, 156)) !== checksumOf(header)) throw new Error(`a damaged header at byte ${offset}`);
    const size = octal(header.subarray(124, 136));
    if (!Number.isFinite(size)) throw new Error(`a damaged size at byte ${offset}`);
    const prefix = text(header.subarray(345, 500));
    const name = ((prefix ? `${prefix}/` : '') + text(header.subarray(0, 100))).replace(/^\.\//, '').replace(/\/+$/, '');
    const type = String.fromCharCode(header[156]!);
    const start = offset + BLOCK;
    offset = start + Math.ceil(size / BLOCK) * BLOCK;
    if (offset > tar.length) throw new Error(`it is cut off inside ${name}`);
    if (name === '' || name === '.') continue;
    if (!isSafeName(name)) throw new Error(`an entry outside its folder: ${JSON.stringify(name)}`);
    if (type === '5') entries.push({ name, kind: 'dir', data: new Uint8Array(0) });
    else if (type === '0' || type === '\0') entries.push({ name, kind: 'file', data: tar.subarray(start, start + size) });
    else throw new Error(`an entry that is neither a file nor a folder: ${JSON.stringify(name)}`);
  }
  throw new Error('it is cut off (no end-of-archive marker)');
}
