/**
 * electron-builder.yml against electron-builder's own schema, and every setting the app depends on. What
 * packaging then makes of it — the packaged app started and used through its IPC seam — is
 * tests/integration/packaged-app.test.ts.
 */
import Ajv from 'ajv';
import type { Configuration } from 'app-builder-lib';
import { validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { findAndReadConfig } from 'app-builder-lib/out/util/config/load';
import { configureBuildCommand, createYargs, normalizeOptions, type CliOptions } from 'electron-builder/out/builder';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import zlib from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { resourcePaths } from '../../src/main/resource-paths';
import { PRODUCT_NAME } from '../../src/main/updater';
import { PROJECT_ROOT, projectPaths } from '../../src/web/project-paths';

type FileSet = { from: string; to: string };

let config: Configuration;
let configFile: string | null;
const schema: object = JSON.parse(fs.readFileSync(createRequire(import.meta.url).resolve('app-builder-lib/scheme.json'), 'utf8'));

beforeAll(async () => {
  // electron-builder's own loader: electron-builder.yml is found and parsed exactly as the CLI does.
  const read = await findAndReadConfig<Configuration>({
    packageKey: 'build',
    configFilename: 'electron-builder',
    projectDir: PROJECT_ROOT,
    packageMetadata: null,
  });
  if (!read) throw new Error('electron-builder.yml not found');
  config = read.result;
  configFile = read.configFile;
});

/** Ajv set up as app-builder-lib's schemaValidator does (draft-07; strict off, so union types are allowed). */
let compiled: ReturnType<Ajv['compile']> | null = null;
function schemaErrors(candidate: unknown): string[] {
  const validate = (compiled ??= new Ajv({ allErrors: true, verbose: true, coerceTypes: true, strict: false }).compile(schema));
  // coerceTypes rewrites what it validates: give it a copy.
  return validate(structuredClone(candidate)) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

const quietLogger = { isEnabled: false, add() {} } as unknown as Parameters<typeof validateConfiguration>[1];

describe('electron-builder.yml', () => {
  it('is the top-level electron-builder.yml and matches electron-builder’s schema', async () => {
    expect(configFile).toBe(path.join(PROJECT_ROOT, 'electron-builder.yml'));
    expect((schema as { $schema: string }).$schema).toContain('draft-07');
    expect(schemaErrors(config)).toEqual([]);
    await expect(validateConfiguration(config, quietLogger)).resolves.toBeUndefined();
  });

  it('would fail on an unknown or misspelt key, at the top level or nested', async () => {
    const broken: Record<string, unknown>[] = [
      { ...config, autoUpdate: true },
      { ...config, nsis: { ...config.nsis, perMachines: false } },
      { ...config, electronFuses: { ...config.electronFuses, runAsnode: false } },
      { ...config, publish: { provider: 'generic', url: 'https://updates.example.org', chanel: 'latest' } },
    ];
    for (const candidate of broken) {
      expect(schemaErrors(candidate)).not.toEqual([]);
      await expect(validateConfiguration(candidate as Configuration, quietLogger)).rejects.toThrow(/does not match the API schema/);
    }
  });

  it('names the app', () => {
    expect(config.appId).toBe('ru.teacherai.app');
    expect(config.productName).toBe('Teacher AI');
    // The updater tells NSIS installations by their uninstaller, which is named after the product.
    expect(config.productName).toBe(PRODUCT_NAME);
    // The MSI needs a manufacturer, the deb a maintainer with an e-mail and a homepage.
    expect(config.extraMetadata).toMatchObject({ author: { name: expect.any(String), email: expect.stringContaining('@') } });
    expect(config.extraMetadata?.homepage).toMatch(/^https:\/\//);
  });

  it('builds NSIS (per user, or per machine on request) and a per-machine MSI for Windows', () => {
    expect(targetNames(config.win?.target)).toEqual(['nsis', 'msi']);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, allowElevation: true });
    expect(config.msi).toMatchObject({ perMachine: true, runAfterFinish: false });
    // A changed upgrade code would make the next MSI install beside the old one instead of upgrading it.
    expect(config.msi?.upgradeCode).toBe('2EAB0F27-D7A1-5401-A417-A92298EF9894');
  });

  it('builds a dmg for macOS (and the zip electron-updater needs there), AppImage and deb for Linux', () => {
    expect(targetNames(config.mac?.target)).toEqual(['dmg', 'zip']);
    expect(targetNames(config.linux?.target)).toEqual(['AppImage', 'deb']);
  });

  it('has real PNG icons: 512×512 for Windows and macOS, a 256 and 512 set for Linux', () => {
    for (const icon of [config.win?.icon, config.mac?.icon]) {
      expect(icon).toBe('resources/icons/icon.png');
      expect(readPng(path.join(PROJECT_ROOT, icon!))).toEqual({ width: 512, height: 512 });
    }
    const linuxIcons = path.join(PROJECT_ROOT, config.linux!.icon!);
    expect(fs.statSync(linuxIcons).isDirectory()).toBe(true);
    for (const size of [256, 512]) {
      expect(readPng(path.join(linuxIcons, `${size}x${size}.png`))).toEqual({ width: size, height: size });
    }
  });

  it('packs only the built app into app.asar, without source maps and type declarations', () => {
    expect(config.asar).toBe(true);
    expect(config.files).toEqual([
      'out/**',
      '!out/db-template*',
      'package.json',
      '!**/*.{map,d.ts,d.cts,d.mts}',
      // The embedded model ships llama.cpp's CPU builds only (the GPU ones add ~600 MB), without its sources.
      '!node_modules/@node-llama-cpp/**',
      'node_modules/@node-llama-cpp/${os}-${arch}*/**',
      '!node_modules/@node-llama-cpp/*-cuda*/**',
      '!node_modules/@node-llama-cpp/*-vulkan*/**',
      '!node_modules/node-llama-cpp/llama/llama.cpp/**',
      '!node_modules/node-llama-cpp/llama/gitRelease.bundle',
      '!node_modules/node-llama-cpp/templates/**',
    ]);
    const pkg = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main.startsWith('out/')).toBe(true);
  });

  it('ships migrations, content, achievements and the database template where the packaged app looks', () => {
    const extra = config.extraResources as FileSet[];
    const root = '/resources-path';
    const packaged = resourcePaths(root, true);
    const development = resourcePaths(PROJECT_ROOT, false);
    for (const key of Object.keys(packaged) as (keyof typeof packaged)[]) {
      const wanted = path.relative(root, packaged[key]);
      const entry = extra.find((it) => wanted === it.to || wanted.startsWith(`${it.to}/`));
      expect(entry, `extraResources entry for ${key} (${wanted})`).toBeDefined();
      // The same file in the project is what development uses.
      expect(path.join(PROJECT_ROOT, entry!.from, path.relative(entry!.to, wanted))).toBe(development[key]);
    }
    for (const { from } of extra) {
      if (from === path.relative(PROJECT_ROOT, projectPaths.templatePath)) continue; // made by `npm run build`
      expect(fs.existsSync(path.join(PROJECT_ROOT, from)), from).toBe(true);
    }
    // The template is the build's output, made by scripts/build-db-template.ts: one file, which packaging cannot damage.
    expect(extra.map((it) => it.from)).toContain(path.relative(PROJECT_ROOT, projectPaths.templatePath));
    expect(projectPaths.templatePath.endsWith('.tar.gz')).toBe(true);
  });

  it('lists in `dependencies` only what the main process loads at run time (the renderer’s packages are bundled by Vite)', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    // The main process and the embedded model's worker thread (its own entry of the main build).
    const entries = ['out/main/index.js', 'out/main/embedded-worker.js'].map((file) => path.join(PROJECT_ROOT, file));
    const bundle = entries.every((file) => fs.existsSync(file)) ? entries.map((file) => fs.readFileSync(file, 'utf8')).join('\n') : null;
    expect(Object.keys(pkg.dependencies).sort()).toEqual(['@electric-sql/pglite', 'bcryptjs', 'drizzle-orm', 'electron-updater', 'node-llama-cpp', 'ts-fsrs', 'zod']);
    if (bundle) {
      const imported = new Set([...bundle.matchAll(/^import .* from "([^"]+)";$/gm)].map((m) => m[1]!.replace(/^(@[^/]+\/[^/]+|[^@/][^/]*).*$/, '$1')));
      imported.delete('electron');
      for (const builtin of [...imported].filter((name) => name.startsWith('node:'))) imported.delete(builtin);
      expect([...imported].sort()).toEqual(Object.keys(pkg.dependencies).sort());
    }
  });

  it('flips the Electron fuses', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('has npm scripts (named in the README) that build exactly these targets', () => {
    const { scripts } = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    const platforms = { 'dist:win': ['windows', config.win], 'dist:mac': ['mac', config.mac], 'dist:linux': ['linux', config.linux] } as const;
    for (const [script, [platform, options]] of Object.entries(platforms)) {
      const command = scripts[script];
      expect(command, script).toMatch(/^npm run build && electron-builder /);
      // electron-builder's own command line parser.
      const argv = command!.replace(/^npm run build && electron-builder /, '').split(' ');
      const cli = configureBuildCommand(createYargs()).parse(argv) as CliOptions;
      const targets = [...normalizeOptions(cli).targets!].map(([p, byArch]) => [p.name, [...byArch.values()].flat()]);
      expect(targets, script).toEqual([[platform, targetNames(options?.target)]]);
    }
  });

  it('builds in no update server (updates stay off until one is configured), and takes one per build from the command line', async () => {
    expect(config.publish).toBeUndefined();
    const argv = '--linux AppImage -c.publish.provider=generic -c.publish.url=https://updates.school.example/teacher-ai'.split(' ');
    const given = normalizeOptions(configureBuildCommand(createYargs()).parse(argv) as CliOptions).config as Configuration;
    expect(given.publish).toEqual({ provider: 'generic', url: 'https://updates.school.example/teacher-ai' });
    expect(schemaErrors({ ...config, ...given })).toEqual([]);
  });
});

function targetNames(target: unknown): string[] {
  return (Array.isArray(target) ? target : [target]).map((it) => (typeof it === 'string' ? it : (it as { target: string }).target));
}

/** Check a PNG file whole (signature, every chunk's CRC, decompressed size) and return its size. */
function readPng(file: string): { width: number; height: number } {
  const data = fs.readFileSync(file);
  expect(data.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const chunks: { type: string; body: Buffer }[] = [];
  for (let at = 8; at < data.length; ) {
    const length = data.readUInt32BE(at);
    const type = data.toString('ascii', at + 4, at + 8);
    const body = data.subarray(at + 8, at + 8 + length);
    expect(data.readUInt32BE(at + 8 + length), `CRC of ${type}`).toBe(zlib.crc32(data.subarray(at + 4, at + 8 + length)));
    chunks.push({ type, body });
    at += 12 + length;
  }
  expect(chunks[0]?.type).toBe('IHDR');
  expect(chunks.at(-1)?.type).toBe('IEND');
  const header = chunks[0]!.body;
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  expect([...header.subarray(8, 13)]).toEqual([8, 6, 0, 0, 0]); // 8-bit RGBA, deflate, no interlace
  const pixels = zlib.inflateSync(Buffer.concat(chunks.filter((c) => c.type === 'IDAT').map((c) => c.body)));
  expect(pixels.length).toBe(height * (1 + width * 4));
  return { width, height };
}
