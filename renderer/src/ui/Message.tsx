/** A message block: errors, warnings and notices, always in words (not only in colour). */
import type { ReactNode } from 'react';

export function Message({ title, tone, children }: { title: string; tone: 'error' | 'warning' | 'info'; children?: ReactNode }) {
  return (
    <div className={`message message-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <p className="message-title">{title}</p>
      {children !== undefined && <div className="message-body">{children}</div>}
    </div>
  );
}
