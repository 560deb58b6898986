import { describe, expect, it } from 'vitest';
import { computerName, deviceLabel } from './device-name';

describe('device names', () => {
  it('names the computer by host and system', () => {
    expect(computerName('PC-12', 'win32')).toBe('PC-12 (Windows)');
    expect(computerName('air', 'darwin')).toBe('air (macOS)');
    expect(computerName('  ', 'linux')).toBe('Teacher AI (Linux)');
    expect(computerName('box', 'freebsd')).toBe('box (freebsd)');
  });

  it('tells two links of one computer apart and stays within 100 characters', () => {
    const first = deviceLabel('PC-12 (Windows)', '3f9a0c1e-0000-4000-8000-000000000001');
    const second = deviceLabel('PC-12 (Windows)', 'b7d2aa00-0000-4000-8000-000000000002');
    expect(first).toBe('PC-12 (Windows) · 3f9a');
    expect(second).toBe('PC-12 (Windows) · b7d2');
    expect(deviceLabel('x'.repeat(150), '3f9a0c1e-0000-4000-8000-000000000001')).toHaveLength(100);
  });
});
