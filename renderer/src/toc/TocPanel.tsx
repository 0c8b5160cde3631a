/**
 * The table of contents of a code (Partie › Livre › Titre › Chapitre › Section), collapsible and
 * virtualised: only the rows on screen are in the DOM, so the 10,000 articles of the sécurité
 * sociale cost nothing. The tree opens down to the article being read, which is highlighted and
 * scrolled into view. Articles not in force on the date are hidden unless asked for.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { codeOfArticleId } from '../../../corpus/model/ids.ts';
import type { ArticleId, CodeId } from '../../../corpus/model/model.ts';
import { useReader } from '../reader/reader-context.ts';
import { formatDate } from '../dates/french-dates.ts';
import type { CodeIndex } from '../data/library.ts';
import { sectionPathOf } from '../data/toc-index.ts';
import { DrawerClose } from '../ui/DrawerClose.tsx';
import { Message } from '../ui/Message.tsx';
import { useAsync } from '../ui/use-async.ts';
import { countArticles, tocRows, type TocRow } from './toc-rows.ts';
import { AnnotatedMark } from '../annotations/AnnotatedMark.tsx';

interface Props {
  code: CodeId;
  currentArticle?: ArticleId;
  onCodeChange: (code: CodeId) => void;
}

export function TocPanel({ code, currentArticle, onCodeChange }: Props) {
  const reader = useReader();
  const codes = reader.corpus?.manifest.codes ?? [];
  const state = useAsync(async () => {
    // Never before the first page: the text the user asked for comes first.
    await reader.library.firstPagePainted;
    performance.mark('palimpseste:toc-requested', { detail: code });
    return reader.library.codeIndex(code);
  }, [reader.library, code]);
  return (
    <nav className="toc-pane" aria-label="Sommaire">
      <div className="toc-head">
        <DrawerClose label="le sommaire" />
        <label className="toc-code">
          <span className="visually-hidden">Code</span>
          <select value={code} onChange={(event) => onCodeChange(event.target.value)}>
            {codes.map((summary) => (
              <option key={summary.id} value={summary.id}>
                {summary.title}
              </option>
            ))}
            {!codes.some((summary) => summary.id === code) && <option value={code}>{code}</option>}
          </select>
        </label>
      </div>
      {state.status === 'loading' && <p className="loading">Chargement du sommaire…</p>}
      {state.status === 'failed' && (
        <Message title="Sommaire indisponible" tone="error">
          {state.message}
        </Message>
      )}
      {state.status === 'done' && <TocTree key={code} index={state.value} currentArticle={currentArticle} />}
    </nav>
  );
}

function TocTree({ index, currentArticle }: { index: CodeIndex; currentArticle?: ArticleId }) {
  const reader = useReader();
  const { date } = reader;
  const [showAll, setShowAll] = useState(false);
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set());
  const scrollRef = useRef<HTMLDivElement>(null);

  // Open the tree down to the article being read.
  useEffect(() => {
    if (!currentArticle) return;
    const path = sectionPathOf(index, currentArticle);
    if (!path) return;
    setOpen((previous) => (path.every((id) => previous.has(id)) ? previous : new Set([...previous, ...path])));
  }, [index, currentArticle]);

  const counts = useMemo(() => countArticles(index, date, showAll), [index, date, showAll]);
  // The article being read is listed even when the date or the filter would hide it.
  const rows = useMemo(() => {
    const visible = tocRows(index, open, date, true, counts);
    return visible.filter((row) => row.type === 'section' || showAll || row.inForce || row.id === currentArticle);
  }, [index, open, date, showAll, counts, currentArticle]);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 30,
    overscan: 12,
    getItemKey: (i) => rows[i]?.id ?? i,
  });

  const currentIndex = currentArticle ? rows.findIndex((row) => row.type === 'article' && row.id === currentArticle) : -1;
  /**
   * Rows are measured as they render (long titles wrap), so the first jump lands where the estimated
   * sizes put the row; a few more jumps, a frame apart, settle on it once the rows above are measured.
   */
  const scrollToRow = useCallback(
    (index: number) => {
      let tries = 0;
      const jump = () => {
        virtualizer.scrollToIndex(index, { align: 'center' });
        if (++tries < 4) requestAnimationFrame(jump);
      };
      jump();
    },
    [virtualizer],
  );
  useLayoutEffect(() => {
    if (currentIndex >= 0) scrollToRow(currentIndex);
    // Scroll when the article changes or once its row appears, not on every render.
  }, [currentIndex, scrollToRow]);

  // A drawer that was hidden (narrow windows) had no height: scroll to the article when it shows.
  const currentIndexRef = useRef(currentIndex);
  currentIndexRef.current = currentIndex;
  useEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    let wasHidden = element.clientHeight === 0;
    const observer = new ResizeObserver(() => {
      const hidden = element.clientHeight === 0;
      if (wasHidden && !hidden && currentIndexRef.current >= 0) scrollToRow(currentIndexRef.current);
      wasHidden = hidden;
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [scrollToRow]);

  useEffect(() => {
    requestAnimationFrame(() => performance.mark('palimpseste:toc-painted', { detail: index.code.id }));
  }, [index]);

  const toggle = (id: string) =>
    setOpen((previous) => {
      const next = new Set(previous);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <>
      <div className="toc-filters">
        <label>
          <input type="checkbox" checked={showAll} onChange={(event) => setShowAll(event.target.checked)} /> Articles abrogés ou pas encore
          en vigueur
        </label>
        <p className="toc-date">Sommaire au {formatDate(date)}</p>
      </div>
      <div ref={scrollRef} className="toc-scroll" role="tree" aria-label={`Sommaire du ${index.code.title}`}>
        <div className="toc-inner" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <div
                key={item.key}
                data-index={item.index}
                ref={virtualizer.measureElement}
                className="toc-row-slot"
                style={{ transform: `translateY(${item.start}px)` }}
              >
                <TocRowView row={row} current={row.id === currentArticle} onToggle={toggle} />
              </div>
            );
          })}
        </div>
      </div>
    </>
  );
}

function TocRowView({ row, current, onToggle }: { row: TocRow; current: boolean; onToggle: (id: string) => void }) {
  const reader = useReader();
  const indent = `depth-${Math.min(row.depth, 9)}`;
  if (row.type === 'section') {
    return (
      <button
        type="button"
        role="treeitem"
        aria-expanded={row.open}
        aria-level={row.depth + 1}
        className={`toc-section level-${row.level} ${indent}`}
        onClick={() => onToggle(row.id)}
      >
        <span className="chevron" aria-hidden="true">
          {row.open ? '▾' : '▸'}
        </span>
        <span className="toc-title">{row.title}</span>
        <span className="toc-count" title={`${row.count} articles`}>
          {row.count}
        </span>
      </button>
    );
  }
  const code = codeOfArticleId(row.id);
  const target = { code, num: row.num, id: row.id, ...(reader.isToday ? {} : { date: reader.date }) };
  return (
    <a
      role="treeitem"
      aria-level={row.depth + 1}
      aria-current={current ? 'page' : undefined}
      className={`toc-article ${indent}${current ? ' current' : ''}${row.inForce ? '' : ' not-in-force'}`}
      href={reader.articleHref(target)}
      title={row.inForce ? undefined : `Pas en vigueur le ${formatDate(reader.date)}`}
      onClick={(event) => {
        if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
        event.preventDefault();
        reader.openArticle(target, 'visit');
      }}
    >
      Article {row.num}
      <AnnotatedMark article={row.id} />
    </a>
  );
}
