import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './test-databases';

/** The generator's output is the same for the same script, so one file per script version is cached. */
export function tinyGguf(): string {
  const script = path.join(ROOT, 'scripts/make-tiny-gguf.py');
  const version = fs.statSync(script).mtimeMs.toFixed(0);
  const file = path.join(os.tmpdir(), 'teacher-ai-tiny-gguf', `tiny-${version}.gguf`);
  if (fs.existsSync(file)) return file;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.part`;
  try {
    execFileSync('python3', [script, partial], { stdio: 'pipe' });
  } catch (error) {
    throw new Error(`Could not write the tiny GGUF (needs python3 with \`pip install gguf numpy\`): ${String((error as { stderr?: unknown }).stderr ?? error)}`, { cause: error });
  }
  fs.renameSync(partial, file);
  return file;
}

/** tsx's ESM loader API (its `import` export: resolving from here would give the CommonJS one). */
const tsxApi = pathToFileURL(path.join(path.dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;

/** The worker's TypeScript source, run under tsx as the built app runs out/main/embedded-worker.js. */
export const EMBEDDED_WORKER = {
  file: path.join(ROOT, 'src/core/ai/embedded/embedded-worker.ts'),
  bootstrap: (file: string) =>
    `import(${JSON.stringify(tsxApi)}).then(({ register }) => { register(); return import(${JSON.stringify(pathToFileURL(file).href)}); });`,
};
