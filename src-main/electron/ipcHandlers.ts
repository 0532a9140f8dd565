/**
 * The IPC handlers, kept thin: each request is accepted only from the app's own windows (security.ts
 * isTrustedSender) and only when its argument matches the channel's schema (ipcSchemas.ts); then a plain
 * service function does the work, told which window asked. Every channel of the contract
 * (shared/ipc.ts IPC_CHANNELS) gets a handler, and no other.
 */
import { IPC_CHANNELS, type IpcInvokeContract } from '../../shared/ipc';
import { IPC_REQUEST_SCHEMAS } from './ipcSchemas';
import type { IpcSender } from './security';

export type Channel = keyof IpcInvokeContract;

/** What a service needs to know of the request: which window (its web contents' id) sent it. */
export interface RequestContext {
  readonly webContentsId: number;
}

/** The services behind the channels, one per channel, typed by the contract. */
export type IpcServices = {
  readonly [K in Channel]: (
    context: RequestContext,
    request: IpcInvokeContract[K]['request'],
  ) => Promise<IpcInvokeContract[K]['response']> | IpcInvokeContract[K]['response'];
};

/** Electron's ipcMain, as far as it is used here. */
export interface IpcRegistrar {
  handle(channel: string, listener: (event: IpcSender, ...args: unknown[]) => unknown): void;
}

export class RefusedRequestError extends Error {
  override readonly name = 'RefusedRequestError';
}

export interface RegisterOptions {
  /** Whether the event comes from the app's own window (security.ts isTrustedSender). */
  readonly isTrusted: (event: IpcSender) => boolean;
  readonly services: IpcServices;
  /** Told of refused requests and failed services (default: console.warn). */
  readonly log?: (message: string, detail?: unknown) => void;
}

const CHANNELS = Object.keys(IPC_CHANNELS) as Channel[];

/** Registers one handler per channel; returns the channel names registered. */
export function registerIpcHandlers(ipc: IpcRegistrar, options: RegisterOptions): string[] {
  const log = options.log ?? ((message, detail) => console.warn(message, detail ?? ''));
  for (const channel of CHANNELS) {
    ipc.handle(IPC_CHANNELS[channel], (event, ...args) => handle(channel, event, args, options, log));
  }
  return CHANNELS.map((channel) => IPC_CHANNELS[channel]);
}

async function handle<K extends Channel>(
  channel: K,
  event: IpcSender,
  args: readonly unknown[],
  options: RegisterOptions,
  log: (message: string, detail?: unknown) => void,
): Promise<IpcInvokeContract[K]['response']> {
  if (!options.isTrusted(event)) {
    log(`已拒绝来自未知窗口的请求：${IPC_CHANNELS[channel]}`, event.senderFrame?.url);
    throw new RefusedRequestError('拒绝：请求不是来自本程序的窗口');
  }
  const parsed = args.length <= 1 ? IPC_REQUEST_SCHEMAS[channel].safeParse(args[0]) : null;
  if (!parsed?.success) {
    log(`已拒绝参数不符合要求的请求：${IPC_CHANNELS[channel]}`, parsed?.error.issues);
    throw new RefusedRequestError(`拒绝：“${IPC_CHANNELS[channel]}”的参数不符合要求`);
  }
  const service = options.services[channel] as (
    context: RequestContext,
    request: IpcInvokeContract[K]['request'],
  ) => Promise<IpcInvokeContract[K]['response']> | IpcInvokeContract[K]['response'];
  try {
    return await service({ webContentsId: event.sender.id }, parsed.data);
  } catch (error) {
    log(`处理“${IPC_CHANNELS[channel]}”时出错`, error);
    // The renderer gets a message it can show, not a stack trace.
    throw new Error(error instanceof Error ? error.message : String(error), { cause: error });
  }
}
