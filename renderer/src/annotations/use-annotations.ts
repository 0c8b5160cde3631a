/**
 * The annotations service in React: provided once by the shell, read by the views with these hooks
 * (each re-renders when the service changes).
 */
import { createContext, useContext, useEffect, useSyncExternalStore } from 'react';
import type { Annotation } from '../../../corpus/annotations/annotation.ts';
import type { ArticleId } from '../../../corpus/model/model.ts';
import type { AnnotationsService } from './annotations-service.ts';

export const AnnotationsContext = createContext<AnnotationsService | undefined>(undefined);

export function useAnnotationsService(): AnnotationsService | undefined {
  const service = useContext(AnnotationsContext);
  useSyncExternalStore(
    service?.subscribe ?? noSubscribe,
    () => service?.version ?? 0,
    () => 0,
  );
  return service;
}

const noSubscribe = () => () => undefined;

/** The annotations of an article (loaded on first use); undefined while loading or without a service. */
export function useArticleAnnotations(article: ArticleId | undefined): Annotation[] | undefined {
  const service = useAnnotationsService();
  useEffect(() => {
    if (service && article && !service.of(article)) void service.load(article);
  }, [service, article]);
  return article ? service?.of(article) : undefined;
}

/** How many annotations an article has (the mark in the table of contents and search results). */
export function useAnnotationCount(article: ArticleId): number {
  return useAnnotationsService()?.count(article) ?? 0;
}
