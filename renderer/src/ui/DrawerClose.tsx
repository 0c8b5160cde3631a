/** The « Fermer » button of a side panel, shown only when the panel is a drawer (narrow windows). */
import { useReader } from '../reader/reader-context.ts';

export function DrawerClose({ label }: { label: string }) {
  const reader = useReader();
  return (
    <button type="button" className="drawer-close" onClick={reader.closePanel} aria-label={`Fermer ${label}`}>
      Fermer
    </button>
  );
}
