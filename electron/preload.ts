import { contextBridge, ipcRenderer, type IpcRendererEvent, webUtils } from 'electron';
import type { AppEvent } from '../shared/api/events';
import { methodNames } from '../shared/api/methodNames';

// Keep in step with electron/main/ipc.ts (the preload is bundled alone, so it cannot import it).
const RPC_CHANNEL = 'jsna:rpc';
const EVENT_CHANNEL = 'jsna:event';

/** One function per RPC method, and an event subscription. Never ipcRenderer itself. */
const methods = Object.fromEntries(
  methodNames.map((name) => [name, (input: unknown, opts?: { jobId?: string }) => ipcRenderer.invoke(RPC_CHANNEL, name, input, opts)]),
);

contextBridge.exposeInMainWorld('jsnaBridge', {
  methods,
  onEvent(listener: (event: AppEvent) => void) {
    const wrapped = (_e: IpcRendererEvent, event: AppEvent) => listener(event);
    ipcRenderer.on(EVENT_CHANNEL, wrapped);
    return () => ipcRenderer.removeListener(EVENT_CHANNEL, wrapped);
  },
  // A file chosen in an <input type="file">: its path, for an import (the page never sees more).
  pathForFile: (file: File) => webUtils.getPathForFile(file),
});
