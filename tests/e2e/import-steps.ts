import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { answerOf } from './browser-app';

/** Writes a pack (or any text) to a temporary file for the file picker; `cleanUp` removes them all. */
export function packFiles() {
  let dir: string | undefined;
  return {
    write(name: string, text: string): string {
      dir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'teacher-ai-packs-'));
      const file = path.join(dir, name);
      fs.writeFileSync(file, text, 'utf8');
      return file;
    },
    cleanUp() {
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
      dir = undefined;
    },
  };
}

/** Picks a file in «Добавить курс из файла» and waits for the core's verdict (a preview or a refusal). */
export async function chooseFile(page: Page, file: string): Promise<void> {
  const answered = answerOf(page, 'content.previewPack');
  await page.getByTestId('import-pack-input').setInputFiles(file);
  await answered;
}

/** Both steps: pick the file, then confirm the preview; waits until the course is installed. */
export async function importThroughScreen(page: Page, file: string): Promise<void> {
  await chooseFile(page, file);
  const installed = answerOf(page, 'content.importPack');
  await page.getByTestId('import-confirm').click();
  await installed;
}
