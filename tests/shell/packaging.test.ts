import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface BuildConfig {
  mac?: { extendInfo?: Record<string, string> };
  electronFuses?: Record<string, boolean>;
}

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { build?: BuildConfig };

/**
 * The packaging settings of Electron's security checklist, as electron-builder reads them from
 * package.json "build" (fuses are flipped in the binary at packaging time).
 */
describe('packaging configuration (electron-builder)', () => {
  it('declares local network use on macOS, in Swedish and English', () => {
    const text = pkg.build?.mac?.extendInfo?.NSLocalNetworkUsageDescription ?? '';
    expect(text).toMatch(/lokala nätverket/);
    expect(text).toMatch(/local network/);
  });

  it('turns off the fuses that would let the binary run as plain Node or load code from outside the app', () => {
    expect(pkg.build?.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});
