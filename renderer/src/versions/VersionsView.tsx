/**
 * The « Versions » tab of an article: its timeline, or — when the location names two versions —
 * their comparison. Plugged into the article page by `ArticlePage`.
 */
import { useMemo } from 'react';
import type { Article, IsoDate } from '../../../corpus/model/model.ts';
import { useReader } from '../reader/reader-context.ts';
import { ComparisonView } from './ComparisonView.tsx';
import { Timeline } from './Timeline.tsx';
import { versionIndexOn } from '../../../corpus/model/timeline.ts';
import type { VersionPair } from '../reader/versions-route.ts';
import './versions.css';

export function VersionsView({ article, compare }: { article: Article; compare?: VersionPair }) {
  const reader = useReader();
  const sessionDate = reader.isToday ? {} : { date: reader.date };
  const base = { code: article.code, num: article.num, id: article.id };
  const changeDates = useMemo(
    () => new Set(reader.corpus?.manifest.codes.find((c) => c.id === article.code)?.changeDates ?? []),
    [reader.corpus, article.code],
  );
  const openPair = (pair: VersionPair) => reader.openArticle({ ...base, ...sessionDate, tab: 'versions', compare: pair }, 'replace');
  const timeline = { ...base, ...sessionDate, tab: 'versions' as const };

  if (compare) {
    return (
      <ComparisonView
        article={article}
        pair={compare}
        onPair={openPair}
        onTimeline={() => reader.openArticle(timeline, 'replace')}
        timelineHref={reader.articleHref(timeline)}
      />
    );
  }
  return (
    <Timeline
      article={article}
      readIndex={versionIndexOn(article.versions, reader.date, reader.dataDate)}
      onCompare={(from: IsoDate, to: IsoDate, view) => openPair({ from, to, view })}
      // Reading a version is reading the article on that version's first day: a new step of the trail.
      onRead={(from) => reader.openArticle({ ...base, date: from }, 'visit')}
      readHref={(from) => reader.articleHref({ ...base, date: from })}
      changeDates={changeDates}
      changesHref={(day) => reader.changesHref(article.code, day)}
      onChanges={(day) => reader.openChanges(article.code, day)}
    />
  );
}
