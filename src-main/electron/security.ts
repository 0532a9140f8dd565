/**
 * The app's security settings (Electron's security checklist), as plain functions that tests call with
 * stand-ins for Electron's objects:
 *  - windows: context isolation and the sandbox on, no Node in the renderer, no spellchecker (it downloads
 *    dictionaries), no <webview>, no navigation on drag-and-drop (secureWebPreferences);
 *  - a strict Content Security Policy, in the page and as a response header (CONTENT_SECURITY_POLICY);
 *  - the session: every permission denied, every network request cancelled, downloads refused
 *    (secureSession);
 *  - every web contents: navigation, new windows and <webview> refused (hardenWebContents);
 *  - IPC: only the main frame of the app's own windows, showing the app's own page (isTrustedSender);
 *  - the page is served from a custom protocol, `app://bundle/`, limited to the built page's folder
 *    (serveAppFile), not from file:// (checklist item 18).
 */
import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { WebPreferences } from 'electron';

/** Only the app's own files; no network, no eval, no plugins. */
const PAGE_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];

/**
 * The policy the page states in its own <meta> (src-renderer/index.html): a meta cannot forbid framing
 * (Chromium ignores frame-ancestors there, with an error in the console), the header does.
 */
export const PAGE_CONTENT_SECURITY_POLICY = PAGE_DIRECTIVES.join('; ');

/** The policy the app's pages are served with: the page's, and no framing. */
export const CONTENT_SECURITY_POLICY = [...PAGE_DIRECTIVES, "frame-ancestors 'none'"].join('; ');

/** The checklist's settings every window of the app has (the preload is added for document windows). */
const LOCKED_DOWN: WebPreferences = {
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

export function secureWebPreferences(preloadPath: string): WebPreferences {
  return { preload: preloadPath, ...LOCKED_DOWN };
}

/**
 * The print preview window: the same settings, no preload (it has no access to the app at all), and
 * Chromium's built-in PDF viewer (a plugin) turned on, as it shows the report.
 */
export function previewWebPreferences(): WebPreferences {
  return { ...LOCKED_DOWN, plugins: true };
}

/** Electron's built-in PDF viewer, an extension inside Electron itself (nothing is downloaded). */
export const PDF_VIEWER_ORIGIN = 'chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai';

/** The app's own scheme: the page and its assets, served by serveAppFile. */
export const APP_SCHEME = 'app';
const APP_HOST = 'bundle';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The app's page. */
export const APP_PAGE_URL = `${APP_ORIGIN}/index.html`;
/**
 * What the app's scheme may do (protocol.registerSchemesAsPrivileged): a standard, secure origin of its
 * own (relative URLs, localStorage, ES modules), and nothing more — no CORS, no service workers. With
 * V8's code cache (Chromium keeps it only for http(s) unless a scheme asks): from the second start on,
 * the page's 2 MB of script is read compiled from the data folder instead of compiled again.
 */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  codeCache: true,
} as const;

/** Schemes that never leave the machine. */
const LOCAL_SCHEMES: ReadonlySet<string> = new Set([
  `${APP_SCHEME}:`,
  'file:',
  'devtools:',
  'data:',
  'blob:',
  'chrome:',
  'chrome-untrusted:',
]);

/**
 * Requests the app may make: its own page, local files (the print preview), the DevTools, in-memory data,
 * and Chromium's own pages and PDF viewer (for the print preview). Everything else — http, https, ws,
 * ftp… — is cancelled.
 */
export function isAllowedUrl(url: string): boolean {
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    return false;
  }
  return LOCAL_SCHEMES.has(protocol) || url.startsWith(`${PDF_VIEWER_ORIGIN}/`);
}

/** Whether a URL is of the app's scheme and host (a URL of a non-web scheme has no `origin` to compare). */
function isAppOrigin(url: URL): boolean {
  return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === '' && url.port === '';
}

/** Whether `url` is the app's page (any query or fragment), and nothing else. */
export function isAppPage(url: string): boolean {
  try {
    const parsed = new URL(url);
    return isAppOrigin(parsed) && parsed.pathname === '/index.html';
  } catch {
    return false;
  }
}

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The file an `app://bundle/…` URL names inside `root` (the built page's folder), or null for anything
 * else: another scheme or host, a path leaving the folder (`..`, encoded or not), a file type not listed.
 */
export function appFileFor(url: string, root: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (!isAppOrigin(parsed)) return null;
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\')) return null;
  const file = resolve(root, `.${path === '/' ? '/index.html' : path}`);
  const inside = relative(resolve(root), file);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside) || inside.split(sep).includes('..'))
    return null;
  return extname(file).toLowerCase() in MIME_TYPES ? file : null;
}

/**
 * Answers a request of the app's scheme (protocol.handle): the file from `root` with its type and the
 * Content Security Policy, or 404. Never throws.
 */
export async function serveAppFile(
  url: string,
  root: string,
  read: (path: string) => Promise<Uint8Array> = (path) => readFile(path),
): Promise<Response> {
  const file = appFileFor(url, root);
  const notFound = () =>
    new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain' } });
  if (file === null) return notFound();
  let body: Uint8Array;
  try {
    body = await read(file);
  } catch {
    return notFound();
  }
  return new Response(body as Uint8Array<ArrayBuffer>, {
    status: 200,
    headers: {
      'Content-Type': MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    },
  });
}

/** What of an IPC event tells who sent it (Electron's IpcMainInvokeEvent has these). */
export interface IpcSender {
  readonly sender: { readonly id: number };
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
}

/**
 * An IPC message is accepted only from the main frame (not an iframe) of one of the app's own windows,
 * showing the app's own page.
 */
export function isTrustedSender(event: IpcSender, isAppWindow: (webContentsId: number) => boolean): boolean {
  const frame = event.senderFrame;
  if (frame === null || frame.parent !== null) return false;
  return isAppWindow(event.sender.id) && isAppPage(frame.url);
}

/** The parts of Electron's Session that secureSession sets. */
export interface LockableSession {
  setPermissionRequestHandler(
    handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: () => boolean): void;
  setDevicePermissionHandler(handler: () => boolean): void;
  setSpellCheckerEnabled(enabled: boolean): void;
  on(event: 'will-download', listener: (event: { preventDefault(): void }) => void): unknown;
  readonly webRequest: {
    onBeforeRequest(
      listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void,
    ): void;
    onHeadersReceived(
      listener: (
        details: { url: string; responseHeaders?: Record<string, string[]> },
        callback: (response: { responseHeaders: Record<string, string[]> }) => void,
      ) => void,
    ): void;
  };
}

/**
 * Denies every permission (camera, notifications, clipboard reading, USB…), cancels every request that
 * would leave the machine (no update checks, no telemetry, nothing fetched), refuses downloads, turns the
 * spellchecker off, and sends the CSP as a header with the app's own page.
 */
export function secureSession(session: LockableSession): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.setSpellCheckerEnabled(false);
  session.on('will-download', (event) => event.preventDefault());
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedUrl(details.url) }));
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...details.responseHeaders };
    // The PDF viewer and Chromium's own pages keep their own policies.
    if (isAppPage(details.url)) headers['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
    callback({ responseHeaders: headers });
  });
}

/** The parts of Electron's WebContents that hardenWebContents sets. */
export interface HardenableContents {
  on(
    event: 'will-navigate' | 'will-attach-webview',
    listener: (event: { preventDefault(): void }) => void,
  ): unknown;
  setWindowOpenHandler(handler: () => { action: 'deny' }): void;
}

/**
 * No page navigates away from what the app loaded (a link, a dropped file, a script), opens a window, or
 * attaches a <webview>. Applied to every web contents the app creates.
 */
export function hardenWebContents(contents: HardenableContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
