import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, isAllowedUrl, secureWebPreferences } from './security';

describe('window security', () => {
  it('turns on isolation and the sandbox and keeps Node out of the renderer', () => {
    expect(secureWebPreferences('/app/preload.cjs')).toEqual({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
    });
  });

  it('allows only the app’s own content', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self';");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:/);
  });

  it('puts the same policy in the page itself', () => {
    const html = readFileSync(join(import.meta.dirname, '..', '..', 'src-renderer', 'index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
    expect(meta?.[1]).toBe(CONTENT_SECURITY_POLICY);
  });

  it('cancels every network request', () => {
    expect(isAllowedUrl('file:///C:/app/resources/app.asar/out/renderer/index.html')).toBe(true);
    expect(isAllowedUrl('https://update.example.com/latest.yml')).toBe(false);
    expect(isAllowedUrl('http://localhost:5173/')).toBe(false);
    expect(isAllowedUrl('ws://127.0.0.1:9229')).toBe(false);
  });
});
