/**
 * The oldest Electron the app runs on: the one place that says it. Electron's patch releases carry
 * Chromium's security fixes, so the app follows them (`npm view electron versions`): raise this with
 * the dependency in `package.json`, which must ask for at least this version (`^45.5.0`), as the
 * test beside this file checks, together with the version installed in `node_modules`.
 */
export const MIN_ELECTRON_VERSION = '45.5.0';

/** `45.5.0` → [45, 5, 0]; undefined for what is not a version. */
function parts(version: string): [number, number, number] | undefined {
  const match = /^v?(\d+)\.(\d+)\.(\d+)/.exec(version.trim());
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : undefined;
}

/** Whether `version` (`process.versions.electron`) is at least the minimum. */
export function isSupportedElectron(version: string, minimum: string = MIN_ELECTRON_VERSION): boolean {
  const have = parts(version);
  const need = parts(minimum);
  if (!have || !need) return false;
  for (let i = 0; i < 3; i++) if (have[i] !== need[i]) return have[i]! > need[i]!;
  return true;
}

/** Said on stderr when the app is started with an older Electron (`npm start` on an old install). */
export function unsupportedElectronMessage(version: string): string {
  return (
    `Electron ${version} est trop ancien : Palimpseste demande Electron ${MIN_ELECTRON_VERSION} au moins (correctifs de sécurité). ` +
    'Lancez « npm install », puis relancez.'
  );
}
