import type { VersionStatus } from '../../../corpus/model/model.ts';

/** French label of a version's status. */
export function statusLabel(status: VersionStatus): string {
  switch (status) {
    case 'VIGUEUR':
      return 'En vigueur';
    case 'VIGUEUR_DIFF':
      return 'En vigueur différée';
    case 'MODIFIE':
      return 'Modifié';
    case 'ABROGE':
      return 'Abrogé';
    case 'TRANSFERE':
      return 'Transféré';
    case 'PERIME':
      return 'Périmé';
  }
}
