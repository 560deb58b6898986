import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { findDataDirProblem, packTemplate, REQUIRED_DIRS, REQUIRED_FILES, TemplateError, unpackTemplate } from './db-template';
import { readTar, writeTar, type TarEntry } from './tar';

/*
 * The template is one archive so that packaging cannot drop its empty folders; what a first start
 * unpacks is checked whole (gzip's CRC, every tar header) and complete (every folder PostgreSQL needs)
 * before it becomes the database. A real data directory is not needed for that: a small stand-in of one is.
 */

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'teacher-ai-template-'));
  dirs.push(dir);
  return dir;
};

/** A folder shaped like a data directory: every required folder (empty) and file, and a table file. */
function fakeDataDir(): string {
  const dir = path.join(tempDir(), 'data');
  for (const name of REQUIRED_DIRS) fs.mkdirSync(path.join(dir, name), { recursive: true });
  for (const name of REQUIRED_FILES) fs.writeFileSync(path.join(dir, name), `${name}\n`);
  fs.writeFileSync(path.join(dir, 'base/1/1259'), Buffer.alloc(8192 + 7, 1));
  return dir;
}

const archiveOf = (tar: Buffer) => {
  const file = path.join(tempDir(), 'db-template.tar.gz');
  fs.writeFileSync(file, zlib.gzipSync(tar));
  return file;
};

const packed = (dir: string) => readTar(zlib.gunzipSync(packTemplate(dir)));

describe('the database template archive', () => {
  it('keeps every folder, the empty ones too, and every file byte for byte', async () => {
    const source = fakeDataDir();
    const file = path.join(tempDir(), 'db-template.tar.gz');
    fs.writeFileSync(file, packTemplate(source));
    const target = path.join(tempDir(), 'db');
    await unpackTemplate(file, target);
    expect(findDataDirProblem(target)).toBeNull();
    const list = (dir: string) => fs.readdirSync(dir, { recursive: true }).map(String).sort();
    expect(list(target)).toEqual(list(source));
    expect(fs.readdirSync(path.join(target, 'pg_notify'))).toEqual([]);
    expect(fs.readFileSync(path.join(target, 'base/1/1259')).equals(fs.readFileSync(path.join(source, 'base/1/1259')))).toBe(true);
  });

  it('refuses to pack a folder that is not a whole data directory', () => {
    const source = fakeDataDir();
    fs.rmSync(path.join(source, 'pg_tblspc'), { recursive: true });
    expect(() => packTemplate(source)).toThrow(/lacks pg_tblspc\//);
  });

  const damaged: [string, (tar: Buffer) => string, RegExp][] = [
    ['cut off', (tar) => {
      const file = archiveOf(tar);
      const bytes = fs.readFileSync(file);
      fs.writeFileSync(file, bytes.subarray(0, bytes.length - 20));
      return file;
    }, /is damaged: unexpected end of file/],
    ['one byte changed (gzip’s CRC)', (tar) => {
      const file = archiveOf(tar);
      const bytes = fs.readFileSync(file);
      bytes[bytes.length - 12] = bytes[bytes.length - 12]! ^ 0x01;
      fs.writeFileSync(file, bytes);
      return file;
    }, /is damaged/],
    ['a tar header changed inside whole gzip', (tar) => {
      const copy = Buffer.from(tar);
      copy[0] = copy[0]! ^ 0x01;
      return archiveOf(copy);
    }, /is damaged: a damaged header at byte 0/],
    ['without its end-of-archive marker', (tar) => archiveOf(tar.subarray(0, tar.length - 1024)), /no end-of-archive marker/],
    ['without its empty folders (what packaging the folder did)', (tar) => archiveOf(writeTar(readTar(tar).filter((e) => e.kind === 'file'))), /is incomplete: it lacks .*pg_notify\//],
    ['an entry that climbs out of its folder', (tar) => archiveOf(writeTar([...readTar(tar), { name: '../escaped', kind: 'file', data: new Uint8Array(1) }])), /an entry outside its folder: "\.\.\/escaped"/],
    ['a link', (tar) => {
      const link = writeTar([{ name: 'pg_link', kind: 'file', data: new Uint8Array(0) }]);
      link[156] = '2'.charCodeAt(0);
      let sum = 0;
      for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 32 : link[i]!;
      link.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
      return archiveOf(Buffer.concat([tar.subarray(0, tar.length - 1024), link]));
    }, /neither a file nor a folder: "pg_link"/],
  ];

  it.each(damaged)('refuses one %s, and leaves nothing outside its folder', async (_name, damage, why) => {
    const tar = writeTar(packed(fakeDataDir()));
    const file = damage(tar);
    const root = tempDir();
    const error = await unpackTemplate(file, path.join(root, 'db')).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TemplateError);
    expect((error as Error).message).toMatch(why);
    expect(fs.readdirSync(root).filter((name) => name !== 'db')).toEqual([]);
  });

  it('writes what it cannot name in a tar header as an error, not a broken archive', () => {
    const long: TarEntry = { name: `base/${'x'.repeat(120)}`, kind: 'file', data: new Uint8Array(1) };
    expect(() => writeTar([long])).toThrow(/not a short ASCII name/);
  });
});
