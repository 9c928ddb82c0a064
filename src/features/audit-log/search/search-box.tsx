/**
 * The search box: the query is the URL's `q=`, applied on Enter whatever the suggestions show
 * (one history entry per search, not per keystroke). Focused while empty it lists the keys, each
 * with what it matches and an example; while typing it suggests keys and values for the piece
 * under the caret. The text box keeps focus while arrows move through the suggestions
 * (aria-activedescendant); Tab or a click takes one, Escape closes them. Text that differs from
 * the applied search is marked "not searched yet". It holds at most what the URL keeps
 * (`MAX_SEARCH_LENGTH`), and says so when full, so a huge paste is cut where it can be seen.
 */
import { useQuery } from '@tanstack/react-query';
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { Icon } from '../../../components/icon.tsx';
import { KeyboardShortcutsDialog } from '../../../components/keyboard-shortcuts-dialog.tsx';
import type { FacetEntry, FacetKey } from '../../../lib/range-index/facets.ts';
import { completeTerm, termAt } from '../../../lib/search-query/edit-search-query.ts';
import { MAX_SEARCH_LENGTH } from '../view/view-schema.ts';
import {
  indexedKey,
  KEY_SUGGESTIONS,
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

/** The three most useful keys, as the list names them first. */
const PLACEHOLDER = `Search: ${KEY_SUGGESTIONS.slice(0, 3)
  .map((s) => s.completion)
  .join(', ')}, words, "phrases", OR, -exclude`;

/** A completed suggestion may pass the input's own limit, which only holds back typing. */
const withinLimit = (text: string) => text.slice(0, MAX_SEARCH_LENGTH);

export function SearchBox({ value, onSearch, suggest, suggestScope }: SearchBoxProps) {
  const [draft, setDraft] = useState(value);
  const [applied, setApplied] = useState(value);
  const [caret, setCaret] = useState(value.length);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [helpOpen, setHelpOpen] = useState(false);
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
  // Focused while empty: every key, so the language can be found without the README.
  const listingKeys = open && draft.trim() === '';
  const suggestions: Suggestion[] = !open
    ? []
    : listingKeys
      ? [...KEY_SUGGESTIONS]
      : key
        ? valueSuggestions(key, values.data ?? [])
        : staticSuggestions(at).slice(0, MAX_SUGGESTIONS);
  const shown = suggestions.length > 0;
  const activeIndex = Math.min(active, suggestions.length - 1);
  const full = draft.length >= MAX_SEARCH_LENGTH;
  const pending = draft.trim() !== value.trim();
  const describedBy = [
    `${baseId}-hint`,
    pending ? `${baseId}-pending` : undefined,
    full ? `${baseId}-limit` : undefined,
  ].filter(Boolean);

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
      Enter: apply,
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
      className={`search-box${pending ? ' search-box--pending' : ''}`}
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
        aria-describedby={describedBy.join(' ')}
        placeholder={PLACEHOLDER}
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
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
      />
      <span id={`${baseId}-hint`} className="sr-only">
        Press Enter to search. Suggestions appear as you type; arrows choose, Tab takes one.
      </span>
      {pending ? (
        <span id={`${baseId}-pending`} className="search-box__pending">
          not searched yet: Enter
        </span>
      ) : null}
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
      <div className="search-box__suggestions" hidden={!shown}>
        <ul
          id={`${baseId}-list`}
          role="listbox"
          aria-label={listingKeys ? 'Search keys' : 'Suggestions'}
          className="listbox"
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
              {suggestion.example ? (
                <span className="search-box__example">
                  {' '}
                  e.g. <code>{suggestion.example}</code>
                </span>
              ) : null}
            </li>
          ))}
        </ul>
        {listingKeys ? (
          <p className="search-box__syntax muted">
            Combine: <code>a b</code> both, <code>a OR b</code> either, <code>( )</code> groups,{' '}
            <code>-</code> excludes. Tab takes a key; Enter searches.
          </p>
        ) : null}
      </div>
      <button
        type="button"
        className="icon-btn search-box__help"
        aria-label="Search help"
        title="Search help: every key, with examples"
        onClick={() => setHelpOpen(true)}
      >
        ?
      </button>
      {helpOpen ? <KeyboardShortcutsDialog onClose={() => setHelpOpen(false)} /> : null}
    </form>
  );
}
