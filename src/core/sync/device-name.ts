const OS_NAMES: Record<string, string> = { win32: 'Windows', darwin: 'macOS', linux: 'Linux' };

/** How this computer introduces itself: its host name and system («PC-12 (Windows)»). */
export function computerName(hostname: string, platform: string): string {
  const host = hostname.trim() || 'Teacher AI';
  return `${host} (${OS_NAMES[platform] ?? platform})`;
}

/**
 * The name a device registers under: the computer's name and the first characters of this link's
 * device id, so two links of one computer (after a revoke and a new sign-in) are told apart in the
 * list. The student can rename it in Settings.
 */
export function deviceLabel(base: string, deviceId: string): string {
  const suffix = ` · ${deviceId.replace(/-/g, '').slice(0, 4)}`;
  return `${(base.trim() || 'Teacher AI').slice(0, 100 - suffix.length)}${suffix}`;
}
