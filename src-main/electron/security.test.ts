import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  APP_ORIGIN,
  APP_PAGE_URL,
  appFileFor,
  CONTENT_SECURITY_POLICY,
  PAGE_CONTENT_SECURITY_POLICY,
  hardenWebContents,
  isAllowedUrl,
  isAppPage,
  isTrustedSender,
  PDF_VIEWER_ORIGIN,
  previewWebPreferences,
  secureSession,
  secureWebPreferences,
  serveAppFile,
} from './security';
import { FakeSession } from './testDoubles';

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

  it('puts the same policy in the page itself, but for framing, which only a header can forbid', () => {
    const html = readFileSync(join(import.meta.dirname, '..', '..', 'src-renderer', 'index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
    expect(meta?.[1]).toBe(PAGE_CONTENT_SECURITY_POLICY);
    expect(meta?.[1]).not.toContain('frame-ancestors');
    expect(CONTENT_SECURITY_POLICY).toBe(`${PAGE_CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`);
  });

  it('cancels every network request', () => {
    expect(isAllowedUrl(APP_PAGE_URL)).toBe(true);
    expect(isAllowedUrl('file:///C:/app/resources/app.asar/out/renderer/index.html')).toBe(true);
    expect(isAllowedUrl('https://update.example.com/latest.yml')).toBe(false);
    expect(isAllowedUrl('http://localhost:5173/')).toBe(false);
    expect(isAllowedUrl('ws://127.0.0.1:9229')).toBe(false);
  });
});

describe('the print preview window', () => {
  it('has the same isolation, no preload, and only the PDF viewer plugin', () => {
    const preferences = previewWebPreferences();
    expect(preferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      spellcheck: false,
      plugins: true,
    });
    expect(preferences.preload).toBeUndefined();
  });

  it('may load Electron’s own PDF viewer, but no other extension', () => {
    expect(isAllowedUrl(`${PDF_VIEWER_ORIGIN}/index.html`)).toBe(true);
    expect(isAllowedUrl('chrome-extension://abcdefghijklmnopabcdefghijklmnop/x.js')).toBe(false);
    expect(isAllowedUrl('not a url')).toBe(false);
  });
});

describe('IPC senders', () => {
  it('are the main frame of an app window showing the app’s page', () => {
    const isApp = (id: number) => id === 1;
    const page = `${APP_PAGE_URL}?open=1#top`;
    expect(isTrustedSender({ sender: { id: 1 }, senderFrame: { url: page, parent: null } }, isApp)).toBe(
      true,
    );
    expect(isTrustedSender({ sender: { id: 2 }, senderFrame: { url: page, parent: null } }, isApp)).toBe(
      false,
    );
    expect(isTrustedSender({ sender: { id: 1 }, senderFrame: { url: page, parent: {} } }, isApp)).toBe(false);
    expect(isTrustedSender({ sender: { id: 1 }, senderFrame: null }, isApp)).toBe(false);
    for (const url of [
      'file:///C:/app/out/renderer/index.html',
      'app://other/index.html',
      'https://example.com/',
    ]) {
      expect(isTrustedSender({ sender: { id: 1 }, senderFrame: { url, parent: null } }, isApp), url).toBe(
        false,
      );
    }
  });
});

describe('the app’s page, served from app://bundle/', () => {
  let root: string;
  beforeAll(async () => {
    root = join(await mkdtemp(join(tmpdir(), 'budget-page-')), 'renderer');
    await mkdir(join(root, 'assets'), { recursive: true });
    await writeFile(join(root, 'index.html'), '<!doctype html>');
    await writeFile(join(root, 'assets', 'index-1.js'), 'export {}');
    await writeFile(join(root, '..', 'secret.json'), '{}');
  });
  afterAll(async () => {
    await rm(join(root, '..'), { recursive: true, force: true });
  });

  it('serves the built files with their type and the CSP', async () => {
    const page = await serveAppFile(APP_PAGE_URL, root);
    expect(page.status).toBe(200);
    expect(page.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await page.text()).toBe('<!doctype html>');
    const script = await serveAppFile(`${APP_ORIGIN}/assets/index-1.js?v=1`, root);
    expect(script.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    expect((await serveAppFile(`${APP_ORIGIN}/`, root)).status).toBe(200);
  });

  it('serves nothing outside the page’s folder, of another origin, or missing', async () => {
    for (const url of [
      `${APP_ORIGIN}/../secret.json`,
      `${APP_ORIGIN}/%2e%2e/secret.json`,
      `${APP_ORIGIN}/assets/%2e%2e%2f%2e%2e%2fsecret.json`,
      `${APP_ORIGIN}/..%5Csecret.json`,
      `${APP_ORIGIN}/missing.js`,
      `${APP_ORIGIN}/index.exe`,
      'app://elsewhere/index.html',
      'file:///etc/passwd',
    ]) {
      expect((await serveAppFile(url, root)).status, url).toBe(404);
    }
    expect(appFileFor(`${APP_ORIGIN}/assets/index-1.js`, root)).toBe(join(root, 'assets', 'index-1.js'));
    expect(isAppPage(APP_PAGE_URL)).toBe(true);
    expect(isAppPage(`${APP_ORIGIN}/assets/index-1.js`)).toBe(false);
  });
});

describe('the session', () => {
  it('denies every permission, turns the spellchecker off, refuses downloads', () => {
    const session = new FakeSession();
    secureSession(session);
    for (const permission of ['media', 'notifications', 'clipboard-read', 'geolocation', 'fullscreen']) {
      expect(session.grants(permission), permission).toBe(false);
    }
    expect(session.permissionCheck?.()).toBe(false);
    expect(session.devicePermission?.()).toBe(false);
    expect(session.spellChecker).toBe(false);
    const download = { preventDefault: vi.fn() };
    session.willDownload?.(download);
    expect(download.preventDefault).toHaveBeenCalled();
  });

  it('cancels every network request and lets the app’s files through', () => {
    const session = new FakeSession();
    secureSession(session);
    expect(session.cancels(APP_PAGE_URL)).toBe(false);
    expect(session.cancels('file:///C:/Users/a/AppData/Roaming/x/print-preview/report-1.pdf')).toBe(false);
    expect(session.cancels('https://telemetry.example.com/collect')).toBe(true);
    expect(session.cancels('http://127.0.0.1:8080/update')).toBe(true);
    expect(session.cancels('wss://example.com/')).toBe(true);
  });

  it('sends the CSP with the app’s page, and leaves other responses (the PDF viewer) alone', () => {
    const session = new FakeSession();
    secureSession(session);
    expect(session.headersFor(APP_PAGE_URL, { 'X-Test': ['1'] })).toEqual({
      'X-Test': ['1'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
    expect(session.headersFor('file:///tmp/report.pdf', { 'X-Test': ['1'] })).toEqual({ 'X-Test': ['1'] });
  });
});

describe('every web contents', () => {
  it('refuses navigation, new windows and <webview>', () => {
    const listeners = new Map<string, (event: { preventDefault(): void }) => void>();
    const opened: { handler: (() => { action: 'deny' }) | null } = { handler: null };
    hardenWebContents({
      on: (event, listener) => listeners.set(event, listener),
      setWindowOpenHandler: (handler) => {
        opened.handler = handler;
      },
    });
    for (const event of ['will-navigate', 'will-attach-webview']) {
      const prevented = { preventDefault: vi.fn() };
      listeners.get(event)?.(prevented);
      expect(prevented.preventDefault, event).toHaveBeenCalled();
    }
    expect(opened.handler?.()).toEqual({ action: 'deny' });
  });
});
