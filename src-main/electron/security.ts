/**
 * The window's security settings (Electron's security checklist): context isolation and the sandbox on,
 * no Node in the renderer, no spellchecker (it downloads dictionaries), a strict Content Security
 * Policy, and nothing from the network.
 */
import type { WebPreferences } from 'electron';

/** Only the app's own files; no network, no eval, no plugins, no framing. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
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
  };
}

/** Requests the app may make: its own files and the DevTools. Everything else is cancelled. */
export function isAllowedUrl(url: string): boolean {
  return (
    url.startsWith('file://') ||
    url.startsWith('devtools://') ||
    url.startsWith('data:') ||
    url.startsWith('blob:')
  );
}
