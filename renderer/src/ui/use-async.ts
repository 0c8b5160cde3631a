/**
 * The state of a value loaded asynchronously, keyed by its inputs: a view shows « chargement »,
 * the value, or the French message of the failure. A stale answer (inputs changed meanwhile) is
 * dropped, so a slow article never replaces the one the user asked for next; and the answer for
 * the previous inputs is never returned for new ones, not even during the render in which they
 * changed (an article page given a new number and a new date at once would otherwise report the
 * previous article at the new date).
 */
import { useEffect, useState } from 'react';
import { failureMessage } from '../api/client.ts';

export type AsyncState<T> = { status: 'loading' } | { status: 'done'; value: T } | { status: 'failed'; message: string; code?: string };

const LOADING = { status: 'loading' } as const;

function sameInputs(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((value, index) => Object.is(value, b[index]));
}

export function useAsync<T>(load: () => Promise<T>, deps: readonly unknown[]): AsyncState<T> {
  const [state, setState] = useState<{ deps: readonly unknown[]; state: AsyncState<T> }>(() => ({ deps, state: LOADING }));
  useEffect(() => {
    let live = true;
    setState({ deps, state: LOADING });
    load().then(
      (value) => live && setState({ deps, state: { status: 'done', value } }),
      (error: unknown) => {
        if (!live) return;
        const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;
        setState({ deps, state: { status: 'failed', message: failureMessage(error), ...(code ? { code } : {}) } });
      },
    );
    return () => {
      live = false;
    };
    // The caller lists the inputs of `load`, as with useEffect; exhaustive-deps checks that list at
    // each call of useAsync (its `additionalHooks`), so here the list is only passed on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return sameInputs(state.deps, deps) ? state.state : LOADING;
}
