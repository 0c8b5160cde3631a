/**
 * The colours of highlights and the legal role each carries (« condition », « exception », …).
 *
 * A role has a stable id (stored in every annotation, never renamed) and a label the user may
 * rename (kept in the palette, with the user's other settings and in the export file). Each role also
 * has a print pattern, distinct from every other role's, so that highlights stay distinguishable on
 * a black-and-white printout and for colour-blind readers: the colour is never the only signal. The
 * colours are the Okabe–Ito palette (distinct under the common colour-vision deficiencies).
 *
 * Pure: no platform imports.
 */

export const ROLE_IDS = ['condition', 'exception', 'sanction', 'delai', 'definition', 'a-verifier'] as const;
export type RoleId = (typeof ROLE_IDS)[number];

/**
 * How a highlight is drawn where colour is not available. `underline-*` map to CSS
 * `text-decoration-style` (solid, double, dotted, dashed, wavy); `box` is a thin frame around the
 * words; every pattern also comes with a side bar in the margin of the paragraph in print.
 */
export type PrintPattern = 'underline-solid' | 'underline-double' | 'underline-dotted' | 'underline-dashed' | 'underline-wavy' | 'box';

export interface RoleStyle {
  id: RoleId;
  /** The label as shipped (French). */
  defaultLabel: string;
  /** Strong colour, for the underline, the side bar and the legend. */
  colour: string;
  /** Light tint of the same colour, for the highlight's background on screen. */
  tint: string;
  pattern: PrintPattern;
  /** One letter printed beside the note number (« C1 »), a third signal after colour and pattern. */
  letter: string;
}

export const ROLE_STYLES: Readonly<Record<RoleId, RoleStyle>> = {
  condition: { id: 'condition', defaultLabel: 'condition', colour: '#0072B2', tint: '#CCE3F0', pattern: 'underline-solid', letter: 'C' },
  exception: { id: 'exception', defaultLabel: 'exception', colour: '#E69F00', tint: '#FAECCC', pattern: 'underline-wavy', letter: 'E' },
  sanction: { id: 'sanction', defaultLabel: 'sanction', colour: '#D55E00', tint: '#F7DFCC', pattern: 'underline-double', letter: 'S' },
  delai: { id: 'delai', defaultLabel: 'délai', colour: '#009E73', tint: '#CCECE3', pattern: 'underline-dashed', letter: 'D' },
  definition: { id: 'definition', defaultLabel: 'définition', colour: '#CC79A7', tint: '#F5E4ED', pattern: 'box', letter: 'F' },
  'a-verifier': {
    id: 'a-verifier',
    defaultLabel: 'à vérifier',
    colour: '#8A7A00',
    tint: '#FBF8CF',
    pattern: 'underline-dotted',
    letter: 'V',
  },
};

/** Longest label a user may give a role: it is printed in legends and list filters. */
export const ROLE_LABEL_MAX_LENGTH = 40;

/** The user's names for the roles. Roles left out keep their default label. */
export interface RolePalette {
  labels: Partial<Record<RoleId, string>>;
}

export const DEFAULT_PALETTE: RolePalette = Object.freeze({ labels: Object.freeze({}) }) as RolePalette;

/** The label shown for a role: the user's, else the default one. */
export function roleLabel(palette: RolePalette, role: RoleId): string {
  return palette.labels[role] ?? ROLE_STYLES[role].defaultLabel;
}

export class RoleLabelError extends Error {
  override readonly name = 'RoleLabelError';
}

/**
 * A new palette with one role renamed. The label is trimmed; an empty label gives the default back.
 * Two roles may not share a label (case and accents aside): the lists filter by label, and two
 * « délai » would be two filters no one can tell apart.
 */
export function renameRole(palette: RolePalette, role: RoleId, label: string): RolePalette {
  const trimmed = label.trim().replace(/\s+/g, ' ');
  const labels = { ...palette.labels };
  if (!trimmed || trimmed === ROLE_STYLES[role].defaultLabel) delete labels[role];
  else {
    if (trimmed.length > ROLE_LABEL_MAX_LENGTH) {
      throw new RoleLabelError(`Le nom d'une couleur est limité à ${ROLE_LABEL_MAX_LENGTH} caractères.`);
    }
    labels[role] = trimmed;
  }
  const next: RolePalette = { labels };
  const key = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const clash = ROLE_IDS.find((other) => other !== role && key(roleLabel(next, other)) === key(roleLabel(next, role)));
  if (clash) throw new RoleLabelError(`Une autre couleur s'appelle déjà « ${roleLabel(next, clash)} ».`);
  return next;
}
