/**
 * Text to the clipboard. `navigator.clipboard` needs a secure context (the web edition on
 * 127.0.0.1 and the desktop app's own protocol are) and may be refused by a policy: the older
 * selection copy is then tried, and a refusal is reported, never silent.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    try {
      // The fallback of last resort: deprecated, still the only one without the permission.
      return document.execCommand('copy');
    } catch {
      return false;
    } finally {
      area.remove();
    }
  }
}
