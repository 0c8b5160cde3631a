/**
 * The renderer's annotations: each article's, fetched from the host when the article is shown
 * and kept; the count per article (the marks in the table of contents and search results); the
 * names of the colours; every change sent to the host (which acknowledges it once on disk), with
 * an undo/redo history. A change the host could not save (disk full, read-only folder) stays on
 * screen, marked « non enregistrée », with the host's French message and a retry: nothing the user
 * did is dropped.
 *
 * Not React: views subscribe (`useSyncExternalStore`, see `use-annotations.ts`).
 */
import { editAnnotation, type Annotation, type AnnotationEdit } from '../../../corpus/annotations/annotation.ts';
import { DEFAULT_PALETTE, renameRole, type RoleId, type RolePalette } from '../../../corpus/annotations/roles.ts';
import type { ArticleId } from '../../../corpus/model/model.ts';
import type { PalimpsesteApi, Result } from '../../../electron/common/api.ts';

export interface PendingFailure {
  id: number;
  /** The host's French message. */
  message: string;
  /** What was being done, in French (« Enregistrer l’annotation »). */
  action: string;
  retry: () => Promise<void>;
}

interface HistoryEntry {
  label: string;
  undo: () => Promise<void>;
  redo: () => Promise<void>;
}

const HISTORY_LIMIT = 200;

export class AnnotationsService {
  private readonly byArticle = new Map<ArticleId, Annotation[]>();
  private readonly loading = new Map<ArticleId, Promise<void>>();
  private counts: Record<ArticleId, number> = {};
  private paletteValue: RolePalette = DEFAULT_PALETTE;
  private readonly unsaved = new Set<string>();
  private failures: PendingFailure[] = [];
  private past: HistoryEntry[] = [];
  private future: HistoryEntry[] = [];
  private listeners = new Set<() => void>();
  private nextFailure = 1;
  /** Bumped at every change: the snapshot `useSyncExternalStore` compares. */
  version = 0;
  /** The colour of the last highlight: the keyboard shortcut uses it again. */
  lastRole: RoleId = 'condition';
  /** The last message for a status line (« Annotation supprimée. Ctrl+Z pour annuler. »). */
  status = '';

  constructor(private readonly api: PalimpsesteApi) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private changed(): void {
    this.version++;
    for (const listener of [...this.listeners]) listener();
  }

  /** Loads the counts and the colour names (at launch, after the first page). */
  async start(): Promise<void> {
    const [counts, settings] = await Promise.all([this.api.annotationCounts(), this.api.getAnnotationSettings()]);
    if (counts.ok) this.counts = counts.value;
    if (settings.ok) this.paletteValue = settings.value.palette;
    this.changed();
  }

  /** Refetches what is shown (another window may have changed it). */
  async refresh(): Promise<void> {
    const articles = [...this.byArticle.keys()];
    this.byArticle.clear();
    await Promise.all([this.start(), ...articles.map((id) => this.load(id))]);
  }

  get palette(): RolePalette {
    return this.paletteValue;
  }

  count(article: ArticleId): number {
    return this.counts[article] ?? 0;
  }

  /** The article's annotations if loaded (undefined: not yet; call `load`). */
  of(article: ArticleId): Annotation[] | undefined {
    return this.byArticle.get(article);
  }

  isUnsaved(id: string): boolean {
    return this.unsaved.has(id);
  }

  get pendingFailures(): readonly PendingFailure[] {
    return this.failures;
  }

  get canUndo(): boolean {
    return this.past.length > 0;
  }

  get canRedo(): boolean {
    return this.future.length > 0;
  }

  load(article: ArticleId): Promise<void> {
    let pending = this.loading.get(article);
    if (!pending) {
      pending = this.api.listAnnotations({ article }).then((result) => {
        this.loading.delete(article);
        if (!result.ok) {
          this.status = result.error.message;
          this.byArticle.set(article, []);
        } else {
          this.byArticle.set(article, result.value);
          this.counts = { ...this.counts, [article]: result.value.length };
        }
        this.changed();
      });
      this.loading.set(article, pending);
    }
    return pending;
  }

  private setLocal(article: ArticleId, update: (list: Annotation[]) => Annotation[]): void {
    const next = update(this.byArticle.get(article) ?? []);
    this.byArticle.set(article, next);
    this.counts = { ...this.counts, [article]: next.length };
    this.changed();
  }

  private upsertLocal(annotation: Annotation): void {
    this.setLocal(annotation.article.id, (list) =>
      list.some((a) => a.id === annotation.id) ? list.map((a) => (a.id === annotation.id ? annotation : a)) : [...list, annotation],
    );
  }

  private removeLocal(annotation: Annotation): void {
    this.setLocal(annotation.article.id, (list) => list.filter((a) => a.id !== annotation.id));
  }

  /** Sends one change; on failure keeps it for a retry and says why. Resolves true once on disk. */
  private async send<T>(action: string, id: string, call: () => Promise<Result<T>>, onSaved: (value: T) => void): Promise<boolean> {
    const result = await call();
    if (result.ok) {
      this.unsaved.delete(id);
      this.failures = this.failures.filter((f) => f.action !== action || !f.message.includes(id));
      onSaved(result.value);
      this.changed();
      return true;
    }
    this.unsaved.add(id);
    const failure: PendingFailure = {
      id: this.nextFailure++,
      message: result.error.message,
      action,
      retry: async () => {
        this.failures = this.failures.filter((f) => f !== failure);
        this.changed();
        await this.send(action, id, call, onSaved);
      },
    };
    this.failures = [...this.failures, failure];
    this.changed();
    return false;
  }

  private remember(entry: HistoryEntry): void {
    this.past = [...this.past.slice(-HISTORY_LIMIT + 1), entry];
    this.future = [];
  }

  private async put(annotation: Annotation): Promise<boolean> {
    this.upsertLocal(annotation);
    return this.send(
      'Enregistrer l’annotation',
      annotation.id,
      () => this.api.saveAnnotation(annotation),
      (saved) => this.upsertLocal(saved),
    );
  }

  private async drop(annotation: Annotation): Promise<boolean> {
    this.removeLocal(annotation);
    return this.send(
      'Supprimer l’annotation',
      annotation.id,
      async () => {
        const result = await this.api.deleteAnnotation(annotation.id);
        // Already gone (deleted in another window): what was asked for is done.
        return !result.ok && result.error.code === 'not-found' ? { ok: true as const, value: true as const } : result;
      },
      () => undefined,
    );
  }

  private async change(before: Annotation, edit: AnnotationEdit): Promise<boolean> {
    this.upsertLocal(editAnnotation(before, edit));
    return this.send(
      'Enregistrer la modification',
      before.id,
      () => this.api.editAnnotation(before.id, edit),
      (saved) => this.upsertLocal(saved),
    );
  }

  async create(annotation: Annotation): Promise<boolean> {
    if (annotation.role) this.lastRole = annotation.role;
    this.remember({
      label: 'la création',
      undo: () => this.drop(annotation).then(() => undefined),
      redo: () => this.put(annotation).then(() => undefined),
    });
    this.status = annotation.target.kind === 'article' ? 'Note ajoutée à l’article.' : 'Passage surligné.';
    return this.put(annotation);
  }

  async edit(before: Annotation, edit: AnnotationEdit): Promise<boolean> {
    const back: AnnotationEdit = {};
    if (edit.note !== undefined) back.note = before.note;
    if (edit.tags !== undefined) back.tags = before.tags;
    if (edit.role !== undefined) back.role = before.role ?? null;
    if (edit.role) this.lastRole = edit.role;
    this.remember({
      label: 'la modification',
      undo: () => this.change(editAnnotation(before, edit), back).then(() => undefined),
      redo: () => this.change(before, edit).then(() => undefined),
    });
    this.status = 'Annotation modifiée.';
    return this.change(before, edit);
  }

  async remove(annotation: Annotation): Promise<boolean> {
    this.remember({
      label: 'la suppression',
      undo: () => this.put(annotation).then(() => undefined),
      redo: () => this.drop(annotation).then(() => undefined),
    });
    this.status = 'Annotation supprimée. Ctrl+Z pour annuler.';
    return this.drop(annotation);
  }

  async undo(): Promise<void> {
    const entry = this.past.at(-1);
    if (!entry) return;
    this.past = this.past.slice(0, -1);
    this.future = [...this.future, entry];
    this.status = `Annulation de ${entry.label}.`;
    await entry.undo();
  }

  async redo(): Promise<void> {
    const entry = this.future.at(-1);
    if (!entry) return;
    this.future = this.future.slice(0, -1);
    this.past = [...this.past, entry];
    this.status = `Rétablissement de ${entry.label}.`;
    await entry.redo();
  }

  /** Renames a colour (refused with a French `RoleLabelError` on a clash). */
  async renameRole(role: RoleId, label: string): Promise<string | undefined> {
    const palette = renameRole(this.paletteValue, role, label);
    const previous = this.paletteValue;
    this.paletteValue = palette;
    this.changed();
    const result = await this.api.setAnnotationSettings({ palette });
    if (!result.ok) {
      this.paletteValue = previous;
      this.changed();
      return result.error.message;
    }
    return undefined;
  }

  /** After an import: everything may have changed. */
  async reloadAll(): Promise<void> {
    await this.refresh();
  }
}
