/**
 * The corpora an app can read: the one shipped with it (read-only, inside the installer) and those
 * imported from packs, kept in the user-data folder (`corpora/<name>/`), with which one is in use
 * and which one « Revenir au corpus précédent » goes back to (`corpora/state.json`).
 *
 * An import checks the pack whole and unpacks it beside the corpus in use before anything switches
 * (`pack-reader.ts`): a refused file leaves the corpus in use, the state file and the other corpora
 * as they were. Once whole, the state is written (a temporary file renamed over it: never half
 * written), the host switches at once (`CorpusStore.switchTo`), and the corpora neither in use nor
 * previous are removed (two at most are kept: a corpus is ~100 MB).
 *
 * Shipped vs installed at start: the imported corpus is used unless the shipped one has newer data
 * (the app was reinstalled with a more recent corpus than the pack imported months ago: reading the
 * older data would be wrong without saying so).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Manifest } from '../../../corpus/model/bundle.ts';
import { describeCorpusChange, describeCorpusChangeInFrench, type CorpusChange } from '../../../corpus/model/corpus-change.ts';
import { PackError } from '../../../corpus/model/corpus-pack.ts';
import { corpusDataDate } from '../../../corpus/model/timeline.ts';
import type { CorpusUpdate } from '../../common/api.ts';
import { HostError } from '../result.ts';
import { readPackHeader, unpackCorpus, type PackExpectations } from './pack-reader.ts';

/** `shipped`, or the name of a folder under `corpora/`. */
type CorpusRef = string;
const SHIPPED: CorpusRef = 'shipped';
const FOLDER_NAME = /^corpus-\d{4}-\d{2}-\d{2}-[0-9a-f]{12}$/;

const stateSchema = z.object({
  current: z.string().regex(new RegExp(`^(?:${SHIPPED}|${FOLDER_NAME.source.slice(1, -1)})$`)),
  previous: z
    .string()
    .regex(new RegExp(`^(?:${SHIPPED}|${FOLDER_NAME.source.slice(1, -1)})$`))
    .optional(),
});
type State = z.infer<typeof stateSchema>;

/** The store the host reads the corpus with: only what an update needs of it. */
export interface SwitchableCorpus {
  readonly root: string;
  manifest(): Promise<Manifest>;
  switchTo(root: string): void;
}

export interface InstalledCorporaOptions {
  /** The corpus shipped with the app (or built by `npm run corpus`). */
  shippedDir: string;
  /** The user-data folder: imported corpora go to `corpora/` in it. */
  dataDir: string;
  expected: PackExpectations;
  log?: (message: string) => void;
}

function readManifest(folder: string): Manifest | undefined {
  try {
    return JSON.parse(readFileSync(path.join(folder, 'manifest.json'), 'utf8')) as Manifest;
  } catch {
    return undefined;
  }
}

export class InstalledCorpora {
  readonly folder: string;
  private readonly stateFile: string;
  private readonly log: (message: string) => void;
  /** One import or return at a time: the second waits for the first. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: InstalledCorporaOptions) {
    this.folder = path.join(options.dataDir, 'corpora');
    this.stateFile = path.join(this.folder, 'state.json');
    this.log = options.log ?? (() => undefined);
  }

  private dirOf(ref: CorpusRef): string {
    return ref === SHIPPED ? this.options.shippedDir : path.join(this.folder, ref);
  }

  private readState(): State {
    if (!existsSync(this.stateFile)) return { current: SHIPPED };
    try {
      const parsed = stateSchema.safeParse(JSON.parse(readFileSync(this.stateFile, 'utf8')));
      if (parsed.success) return parsed.data;
    } catch {
      // Reported below.
    }
    this.log(`${this.stateFile} illisible : le corpus livré avec Palimpseste est utilisé.`);
    return { current: SHIPPED };
  }

  private writeState(state: State): void {
    mkdirSync(this.folder, { recursive: true });
    const temporary = `${this.stateFile}.tmp-${process.pid}`;
    writeFileSync(temporary, `${JSON.stringify(state)}\n`);
    renameSync(temporary, this.stateFile);
  }

  /** The folder to read at start (see the header for the choice between shipped and imported). */
  activeDir(): string {
    const state = this.readState();
    if (state.current === SHIPPED) return this.options.shippedDir;
    const installed = readManifest(this.dirOf(state.current));
    if (!installed) {
      this.log(`Le corpus importé « ${state.current} » est introuvable : le corpus livré avec Palimpseste est utilisé.`);
      return this.options.shippedDir;
    }
    const shipped = readManifest(this.options.shippedDir);
    if (shipped && corpusDataDate(shipped) > corpusDataDate(installed)) {
      this.log(
        `Le corpus livré avec Palimpseste est plus récent que le corpus importé : il est utilisé (le corpus importé reste le précédent).`,
      );
      this.writeState({ current: SHIPPED, previous: state.current });
      return this.options.shippedDir;
    }
    return this.dirOf(state.current);
  }

  /** Whether there is a corpus to go back to. */
  canRevert(): boolean {
    const { previous } = this.readState();
    return previous !== undefined && existsSync(path.join(this.dirOf(previous), 'manifest.json'));
  }

  /** Checks and installs a pack, switches `corpus` to it, and says what changed. */
  importPack(file: string, corpus: SwitchableCorpus): Promise<CorpusUpdate> {
    return this.serialized(() => this.runImport(path.resolve(file), corpus));
  }

  /** Goes back to the previous corpus (and the one left becomes the previous: a second return undoes the first). */
  revert(corpus: SwitchableCorpus): Promise<CorpusUpdate> {
    return this.serialized(async () => {
      const state = this.readState();
      if (!state.previous || !existsSync(path.join(this.dirOf(state.previous), 'manifest.json')))
        throw new HostError('not-found', 'Aucun corpus précédent n’est disponible : il n’y a rien à rétablir.');
      const before = await this.currentManifest(corpus);
      const target = this.dirOf(state.previous);
      const after = readManifest(target);
      if (!after) throw new HostError('corpus-damaged', 'Le corpus précédent est illisible : il ne peut pas être rétabli.');
      this.writeState({ current: state.previous, previous: state.current });
      corpus.switchTo(target);
      const change = describeCorpusChange(before, after);
      return { change, message: describeCorpusChangeInFrench(change, 'Corpus précédent rétabli'), canRevert: true };
    });
  }

  private serialized<T>(run: () => Promise<T>): Promise<T> {
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async currentManifest(corpus: SwitchableCorpus): Promise<Manifest | undefined> {
    try {
      return await corpus.manifest();
    } catch {
      // No corpus (or a damaged one) in use: everything the pack brings is new.
      return undefined;
    }
  }

  private async runImport(file: string, corpus: SwitchableCorpus): Promise<CorpusUpdate> {
    const refuse = (reason: string) =>
      new HostError('invalid-argument', `Le fichier « ${path.basename(file)} » est refusé : ${reason}. Le corpus en usage n’a pas changé.`);
    try {
      const { header } = await readPackHeader(file, this.options.expected);
      const name = `corpus-${header.dataDate}-${header.parts[0]!.sha256.slice(0, 12)}`;
      const before = await this.currentManifest(corpus);
      const state = this.readState();
      if (before && state.current === name && path.resolve(corpus.root) === path.resolve(this.dirOf(name))) {
        const change = describeCorpusChange(before, before);
        return { change, message: describeCorpusChangeInFrench(change), canRevert: this.canRevert() };
      }
      const target = path.join(this.folder, name);
      mkdirSync(this.folder, { recursive: true });
      // Another copy of the same pack (the previous corpus imported again): unpacked afresh.
      rmSync(target, { recursive: true, force: true });
      const unpacked = await unpackCorpus(file, target, this.options.expected);
      const previous = state.current === name ? state.previous : state.current;
      this.writeState({ current: name, ...(previous ? { previous } : {}) });
      corpus.switchTo(target);
      this.removeUnused({ current: name, ...(previous ? { previous } : {}) });
      const change: CorpusChange = describeCorpusChange(before, unpacked.manifest);
      this.log(`Corpus importé depuis ${file} dans ${target}.`);
      return { change, message: describeCorpusChangeInFrench(change), canRevert: previous !== undefined };
    } catch (error) {
      if (error instanceof PackError) throw refuse(error.reason);
      if (error instanceof HostError) throw error;
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOSPC')
        throw new HostError('disk-full', 'Le disque est plein : le corpus n’a pas pu être installé. Le corpus en usage n’a pas changé.');
      throw new HostError(
        'io',
        `Le corpus n’a pas pu être installé (${error instanceof Error ? error.message : String(error)}). Le corpus en usage n’a pas changé.`,
      );
    }
  }

  /** Removes the imported corpora that are neither in use nor previous (and leftovers of interrupted imports). */
  private removeUnused(state: State): void {
    const keep = new Set([state.current, state.previous]);
    for (const entry of readdirSync(this.folder, { withFileTypes: true })) {
      if (!entry.isDirectory() || keep.has(entry.name)) continue;
      if (FOLDER_NAME.test(entry.name) || /^corpus-.*\.tmp-\d+$/.test(entry.name))
        rmSync(path.join(this.folder, entry.name), { recursive: true, force: true });
    }
  }
}
