import { useEffect, useState } from 'preact/hooks';
import { ApiError } from './api.ts';

export type Resource<T> =
  | { status: 'loading' }
  | { status: 'ready'; data: T }
  | { status: 'error'; error: ApiError };

/**
 * Loads data for a page: starts again when `key` changes or `retry` is called, and cancels the request when
 * the page goes away, so a slow answer for an old page never overwrites the new one. `initial` (e.g. the
 * call as the list gave it) is shown at once instead of asking the API.
 */
export function useResource<T>(
  key: string,
  load: (signal: AbortSignal) => Promise<T>,
  initial?: () => T | undefined,
): [Resource<T>, () => void] {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<{ key: string; resource: Resource<T> }>(() => ({
    key,
    resource: fromInitial(initial),
  }));

  useEffect(() => {
    const seeded = attempt === 0 ? initial?.() : undefined;
    if (seeded !== undefined) {
      setState({ key, resource: { status: 'ready', data: seeded } });
      return;
    }
    const controller = new AbortController();
    setState({ key, resource: { status: 'loading' } });
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ key, resource: { status: 'ready', data } });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const apiError = error instanceof ApiError ? error : new ApiError('BAD_RESPONSE', { cause: error });
        setState({ key, resource: { status: 'error', error: apiError } });
      },
    );
    return () => controller.abort();
    // `load` and `initial` are read for the current key only; a new closure each render must not refetch.
  }, [key, attempt]);

  // Between a key change and its effect the old key's data must not be shown as the new page's.
  const resource = state.key === key ? state.resource : fromInitial(initial);
  return [resource, () => setAttempt((n) => n + 1)];
}

function fromInitial<T>(initial: (() => T | undefined) | undefined): Resource<T> {
  const data = initial?.();
  return data === undefined ? { status: 'loading' } : { status: 'ready', data };
}
