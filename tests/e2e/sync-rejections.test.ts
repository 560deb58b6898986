import { describe, expect, it } from 'vitest';
import { courseIdFor } from '../../src/core/content/content-ids';
import { makePack } from '../support/fixtures';
import { registerAccount, setUpBrowserApps } from './browser-app';
import { setUpCentralServer } from './central-server';

/*
 * A course added on this computer from a file is not on the school's server: the student's progress in
 * it is refused there. Settings says so, in words, instead of «Синхронизировано» over a silent loss.
 */

const apps = setUpBrowserApps();
const slow = { timeout: 15_000 };
const server = setUpCentralServer();

describe('changes the server refused', () => {
  it('are listed in Settings with what they were about and why, until «Понятно»', async () => {
    const running = await apps.open();
    const { page, app } = running;
    const password = 'пароль-для-синхронизации';
    await registerAccount(page, { fullName: 'Ольга Админова', username: 'olga-admin', password, becomeAdmin: true });
    expect(await app.core.invoke('sync.linkRegister', { serverUrl: server.url, password })).toMatchObject({ ok: true });

    const pack = makePack('only-on-this-computer', 2, { title: 'Кружок робототехники' });
    const file = { fileName: 'robots.json', text: JSON.stringify(pack) };
    const preview = await app.core.invoke('content.previewPack', file);
    if (!preview.ok) throw new Error(JSON.stringify(preview.error));
    expect(await app.core.invoke('content.importPack', { ...file, checksum: (preview.value as { checksum: string }).checksum })).toMatchObject({ ok: true });
    const courseId = courseIdFor(pack.course.key);
    expect(await app.core.invoke('courses.enrol', { courseId })).toMatchObject({ ok: true });
    expect(await app.core.invoke('sync.now', undefined)).toMatchObject({ ok: true, value: { state: 'synced', pending: 0 } });

    await page.getByTestId('nav-settings').click();
    const list = page.getByTestId('sync-rejections');
    await list.waitFor(slow);
    const item = list.getByTestId('sync-rejection');
    expect(await item.getAttribute('data-reason')).toBe('not_on_server');
    expect(await item.locator('> span').textContent()).toBe(
      'Курс «Кружок робототехники»: этого курса нет на сервере — он добавлен только на этом компьютере, и прогресс в нём остаётся здесь',
    );
    await list.scrollIntoViewIfNeeded();
    await running.screenshot('sync-rejections-1280x800');
    await page.setViewportSize({ width: 1366, height: 768 });
    await running.screenshot('sync-rejections-1366x768');

    await list.getByTestId('sync-rejections-dismiss').click();
    await expect.poll(() => list.count()).toBe(0);
    await page.reload();
    await page.getByTestId('settings-sync').waitFor(slow);
    expect(await page.getByTestId('sync-rejections').count()).toBe(0);
    expect(running.problems).toEqual([]);
  });
});
