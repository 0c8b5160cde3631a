/**
 * The link trail of the session: every article opened is a step (article @ date); back and forward
 * move along it; opening something new from the middle drops the steps ahead, as a browser does.
 * A trail can be saved under a name (the host keeps it) and reopened later.
 *
 * Pure reducer: the trail bar, the keyboard and mouse shortcuts and the router all dispatch here.
 */
import type { Trail, TrailStep } from '../../../electron/common/api.ts';

export interface TrailState {
  steps: TrailStep[];
  /** Index of the step on screen; -1 while no article has been opened. */
  index: number;
  /** Set once the trail is saved or reopened: saving again updates the same trail. */
  saved?: { id: string; name: string; createdAt: string };
}

export type TrailAction =
  /** An article was opened (link, table of contents, search): a new step. */
  | { type: 'visit'; step: TrailStep }
  /** The current step changed in place (another date for the same reading, a number resolved). */
  | { type: 'replace'; step: TrailStep }
  | { type: 'back' }
  | { type: 'forward' }
  | { type: 'go'; index: number }
  | { type: 'open'; trail: Trail }
  | { type: 'saved'; trail: Trail }
  | { type: 'clear' };

export const emptyTrail: TrailState = { steps: [], index: -1 };

export function sameStep(a: TrailStep | undefined, b: TrailStep | undefined): boolean {
  return !!a && !!b && a.article === b.article && a.date === b.date;
}

export function trailReducer(state: TrailState, action: TrailAction): TrailState {
  switch (action.type) {
    case 'visit': {
      if (sameStep(state.steps[state.index], action.step)) return state;
      const steps = [...state.steps.slice(0, state.index + 1), action.step];
      return { ...state, steps, index: steps.length - 1 };
    }
    case 'replace': {
      if (state.index < 0) return trailReducer(state, { type: 'visit', step: action.step });
      const steps = state.steps.slice();
      steps[state.index] = action.step;
      return { ...state, steps };
    }
    case 'back':
      return state.index > 0 ? { ...state, index: state.index - 1 } : state;
    case 'forward':
      return state.index < state.steps.length - 1 ? { ...state, index: state.index + 1 } : state;
    case 'go':
      return action.index >= 0 && action.index < state.steps.length ? { ...state, index: action.index } : state;
    case 'open': {
      const { trail } = action;
      return {
        steps: trail.steps.slice(),
        index: trail.steps.length - 1,
        saved: { id: trail.id, name: trail.name, createdAt: trail.createdAt },
      };
    }
    case 'saved':
      return { ...state, saved: { id: action.trail.id, name: action.trail.name, createdAt: action.trail.createdAt } };
    case 'clear':
      return emptyTrail;
  }
}

export function currentStep(state: TrailState): TrailStep | undefined {
  return state.steps[state.index];
}

/** The trail to hand to `api.saveTrail`: a new id the first time, the same id afterwards. */
export function trailToSave(state: TrailState, name: string, now: Date, newId: () => string): Trail {
  const stamp = now.toISOString();
  return {
    id: state.saved?.id ?? newId(),
    name,
    steps: state.steps.slice(),
    createdAt: state.saved?.createdAt ?? stamp,
    updatedAt: stamp,
  };
}
