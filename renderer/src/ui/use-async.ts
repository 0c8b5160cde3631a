/**
 * The state of a value loaded asynchronously, keyed by its inputs: a view shows « chargement »,
 * the value, or the French message of the failure. A stale answer (inputs changed meanwhile) is
 * dropped, so a slow article never replaces the one the user asked for next.
 */
import { useEffect, useState } from 'react';
import { failureMessage } from '../api/client.ts';

export type AsyncState<T> = { status: 'loading' } | { status: 'done'; value: T } | { status: 'failed'; message: string; code?: string };

export function useAsync<T>(load: () => Promise<T>, deps: readonly unknown[]): AsyncState<T> {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    load().then(
      (value) => live && setState({ status: 'done', value }),
      (error: unknown) => {
        if (!live) return;
        const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;
        setState({ status: 'failed', message: failureMessage(error), ...(code ? { code } : {}) });
      },
    );
    return () => {
      live = false;
    };
    // The caller lists the inputs of `load`, as with useEffect; exhaustive-deps checks that list at
    // each call of useAsync (its `additionalHooks`), so here the list is only passed on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return state;
}
