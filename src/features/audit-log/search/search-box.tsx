/**
 * The search box: the query is the URL's `q=`, applied on Enter (one history entry per search,
 * not per keystroke). It suggests keys and values for the piece under the caret; the text box
 * keeps focus while arrows move through the suggestions (aria-activedescendant), Enter or Tab
 * takes one, Escape closes them. It holds at most what the URL keeps (`MAX_SEARCH_LENGTH`),
 * and says so when full, so a huge paste is cut where it can be seen rather than dropped.
 */
import { useQuery } from '@tanstack/react-query';
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { Icon } from '../../../components/icon.tsx';
import type { FacetEntry, FacetKey } from '../../../lib/range-index/facets.ts';
import { completeTerm, termAt } from '../../../lib/search-query/edit-search-query.ts';
import { MAX_SEARCH_LENGTH } from '../view/view-schema.ts';
import {
  indexedKey,
  staticSuggestions,
  valueSuggestions,
  type Suggestion,
} from './search-suggestions.ts';

interface SearchBoxProps {
  /** The applied query (`q=`). */
  value: string;
  onSearch: (q: string) => void;
  /** Values of a key seen in the range, for suggestions; undefined while there is no index. */
  suggest?: (key: FacetKey, text: string, limit: number) => Promise<FacetEntry[]>;
  /** Names the suggestions' cache: a new range or index gives new ones. */
  suggestScope: unknown;
}

const MAX_SUGGESTIONS = 8;

/** A completed suggestion may pass the input's own limit, which only holds back typing. */
const withinLimit = (text: string) => text.slice(0, MAX_SEARCH_LENGTH);

export function SearchBox({ value, onSearch, suggest, suggestScope }: SearchBoxProps) {
  const [draft, setDraft] = useState(value);
  const [applied, setApplied] = useState(value);
  const [caret, setCaret] = useState(value.length);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const baseId = useId();
  // Back, Forward or a click elsewhere changed `q=`: show it.
  if (value !== applied) {
    setApplied(value);
    setDraft(value);
  }

  const at = termAt(draft, caret);
  const key = indexedKey(at);
  const values = useQuery({
    queryKey: ['search-suggestions', suggestScope, key, at.value] as const,
    queryFn: () => suggest!(key!, at.value, MAX_SUGGESTIONS),
    enabled: open && key !== undefined && suggest !== undefined,
    staleTime: Infinity,
  });
  const suggestions: Suggestion[] = open
    ? key
      ? valueSuggestions(key, values.data ?? [])
      : staticSuggestions(at).slice(0, MAX_SUGGESTIONS)
    : [];
  const shown = suggestions.length > 0;
  const activeIndex = Math.min(active, suggestions.length - 1);
  const full = draft.length >= MAX_SEARCH_LENGTH;

  const take = (suggestion: Suggestion) => {
    const next = completeTerm(draft, at, suggestion.completion);
    setDraft(withinLimit(next.text));
    setCaret(next.caret);
    setActive(0);
    setOpen(suggestion.completion.endsWith(':'));
    requestAnimationFrame(() => input.current?.setSelectionRange(next.caret, next.caret));
  };
  const apply = () => {
    setOpen(false);
    onSearch(draft.trim());
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const pick = suggestions[activeIndex];
    const keys: Record<string, (() => void) | undefined> = {
      ArrowDown: () => (shown ? setActive((activeIndex + 1) % suggestions.length) : setOpen(true)),
      ArrowUp: shown
        ? () => setActive((activeIndex - 1 + suggestions.length) % suggestions.length)
        : undefined,
      Enter: () => (shown && pick ? take(pick) : apply()),
      Tab: shown && pick && !event.shiftKey ? () => take(pick) : undefined,
      Escape: shown ? () => setOpen(false) : undefined,
    };
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };

  return (
    <form
      className="search-box"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        apply();
      }}
    >
      <Icon name="search" size={16} />
      <input
        ref={input}
        className="search-box__input"
        type="search"
        aria-label="Search"
        aria-autocomplete="list"
        aria-controls={`${baseId}-list`}
        aria-activedescendant={shown ? `${baseId}-opt-${activeIndex}` : undefined}
        aria-describedby={full ? `${baseId}-hint ${baseId}-limit` : `${baseId}-hint`}
        placeholder='Search: words, "phrases", user:, event:, ip:10.0.0.0/8, token:, failed:true, -exclude'
        spellCheck={false}
        autoComplete="off"
        maxLength={MAX_SEARCH_LENGTH}
        value={draft}
        onChange={(e) => {
          setDraft(withinLimit(e.target.value));
          setCaret(e.target.selectionStart ?? e.target.value.length);
          setActive(0);
          setOpen(true);
        }}
        onSelect={(e) => setCaret(e.currentTarget.selectionStart ?? draft.length)}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
      />
      <span id={`${baseId}-hint`} className="sr-only">
        Press Enter to search. Suggestions appear as you type; arrows choose, Enter or Tab takes
        one.
      </span>
      <span id={`${baseId}-limit`} className="search-box__limit" role="status">
        {full ? `${MAX_SEARCH_LENGTH.toLocaleString('en-US')} characters at most` : ''}
      </span>
      {draft !== '' ? (
        <button
          type="button"
          className="icon-btn search-box__clear"
          aria-label="Clear search"
          onClick={() => {
            setDraft('');
            onSearch('');
            input.current?.focus();
          }}
        >
          <Icon name="close" size={14} />
        </button>
      ) : null}
      <ul
        id={`${baseId}-list`}
        role="listbox"
        aria-label="Suggestions"
        className="listbox search-box__suggestions"
        hidden={!shown}
      >
        {suggestions.map((suggestion, index) => (
          <li
            key={suggestion.completion}
            id={`${baseId}-opt-${index}`}
            role="option"
            aria-selected={index === activeIndex}
            className={`option${index === activeIndex ? ' option--active' : ''}`}
            // Taking a suggestion must not blur the text box first.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => take(suggestion)}
          >
            <span className="search-box__completion">{suggestion.label}</span>
            {suggestion.detail ? <span className="muted"> {suggestion.detail}</span> : null}
          </li>
        ))}
      </ul>
    </form>
  );
}
