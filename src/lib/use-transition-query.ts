/**
 * `useQuery` whose answers render as transitions: for answers that redraw much of the page
 * (the index's count, chart and facets, asked again as a read progresses), so that render
 * yields to scrolling and typing. `useQuery` renders every change at once, ahead of input
 * (it reads the cache through `useSyncExternalStore`, which cannot wait). The cache is the
 * same: keys, placeholders, staleness and garbage collection work as for `useQuery`.
 */
import {
  QueryObserver,
  useQueryClient,
  type QueryKey,
  type QueryObserverResult,
  type UseQueryOptions,
} from '@tanstack/react-query';
import { startTransition, useEffect, useState } from 'react';

export function useTransitionQuery<TData, TKey extends QueryKey>(
  options: UseQueryOptions<TData, Error, TData, TKey>,
): QueryObserverResult<TData, Error> {
  const client = useQueryClient();
  const defaulted = client.defaultQueryOptions(options);
  const [observer] = useState(() => new QueryObserver(client, defaulted));
  const [result, setResult] = useState(() => observer.getOptimisticResult(defaulted));
  useEffect(() => observer.subscribe((next) => startTransition(() => setResult(next))), [observer]);
  // As `useQuery` does: the options of each render, told after it (a new key fetches).
  useEffect(() => observer.setOptions(defaulted));
  return result;
}
