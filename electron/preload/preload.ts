/**
 * The preload of every window (sandboxed: bundled into one CommonJS file by `build/electron-build.ts`).
 * It gives the page `window.palimpseste` and nothing else.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildApiBridge } from './bridge.ts';

contextBridge.exposeInMainWorld(
  'palimpseste',
  buildApiBridge((channel, ...args) => ipcRenderer.invoke(channel, ...args)),
);
