/**
 * A user filter that finds anyone: the users seen in the range (from the index), searchable by
 * name or login without regard to case, busiest first. A login typed in full can be filtered
 * by even before the range is read (the API filters by login).
 */
import { useQuery } from '@tanstack/react-query';
import { useId, useState, type KeyboardEvent } from 'react';
import { Avatar } from '../../../components/avatar.tsx';
import { Icon } from '../../../components/icon.tsx';
import { Popover } from '../../../components/popover.tsx';
import type { FacetEntry } from '../../../lib/range-index/facets.ts';
import { showBidiControls } from '../../../lib/visible-text.ts';
import { viewFields } from '../view/view-schema.ts';
import { formatCount } from '../../../lib/count-format.ts';

interface UserPickerProps {
  /** The filtered login. */
  value: string | undefined;
  /** What the button shows: the user's name when known, or what the search selects ("2 users"). */
  valueLabel: string | undefined;
  onChange: (login: string | undefined) => void;
  /** Users seen in the range matching the text; undefined while there is no index. */
  suggest?: (text: string, limit: number) => Promise<FacetEntry[]>;
  suggestScope: unknown;
}

const LIMIT = 200;

interface Choice {
  login: string | undefined;
  label: string;
  detail?: string;
  avatarUrl?: string;
}

function UserListbox({
  value,
  onSelect,
  suggest,
  suggestScope,
}: Omit<UserPickerProps, 'onChange' | 'valueLabel'> & { onSelect: (login?: string) => void }) {
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const baseId = useId();
  const users = useQuery({
    queryKey: ['user-picker', suggestScope, text] as const,
    queryFn: () => suggest!(text.trim(), LIMIT),
    enabled: suggest !== undefined,
    staleTime: Infinity,
  });
  const typed = text.trim();
  const seen = users.data ?? [];
  const typedLogin =
    typed !== '' && viewFields.user.decode(typed).ok && !seen.some((u) => u.value === typed);
  const choices: Choice[] = [
    { login: undefined, label: 'All users' },
    ...seen.map((u) => ({
      login: u.value,
      label: showBidiControls(u.label),
      detail: `${showBidiControls(u.value)} · ${formatCount(u.count)}`,
      avatarUrl: u.avatarUrl,
    })),
    ...(typedLogin
      ? [{ login: typed, label: `Login “${showBidiControls(typed)}”`, detail: 'as typed' }]
      : []),
  ];
  const activeIndex = Math.min(active, choices.length - 1);
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10 };
    if (event.key in moves) {
      event.preventDefault();
      const next = activeIndex + (moves[event.key] ?? 0);
      setActive(Math.max(0, Math.min(choices.length - 1, next)));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      onSelect(choices[activeIndex]?.login);
    }
  };
  return (
    <div className="event-listbox">
      <input
        className="input"
        type="search"
        role="combobox"
        aria-label="Search users by name or login"
        aria-expanded="true"
        aria-controls={`${baseId}-list`}
        aria-activedescendant={`${baseId}-opt-${activeIndex}`}
        aria-autocomplete="list"
        placeholder="Name or login…"
        autoFocus
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setActive(e.target.value.trim() === '' ? 0 : 1);
        }}
        onKeyDown={onKeyDown}
      />
      <ul id={`${baseId}-list`} role="listbox" aria-label="Users" className="listbox">
        {choices.map((choice, index) => (
          <li
            key={choice.login ?? ''}
            id={`${baseId}-opt-${index}`}
            role="option"
            aria-selected={choice.login === value}
            className={`option user-option${index === activeIndex ? ' option--active' : ''}`}
            onMouseMove={() => setActive(index)}
            onClick={() => onSelect(choice.login)}
          >
            {choice.login ? (
              <Avatar src={choice.avatarUrl} name={choice.label} login={choice.login} size={20} />
            ) : null}
            <span>{choice.label}</span>
            {choice.detail ? (
              <span className="muted user-option__detail">{choice.detail}</span>
            ) : null}
          </li>
        ))}
      </ul>
      {suggest === undefined ? (
        <p className="muted listbox__empty">
          Users appear here once the range is read; a full login can be typed now.
        </p>
      ) : users.isSuccess && seen.length === 0 && typed !== '' ? (
        <p className="muted listbox__empty">
          No user in this range matches “{showBidiControls(typed)}”.
        </p>
      ) : null}
    </div>
  );
}

export function UserPicker({
  value,
  valueLabel,
  onChange,
  suggest,
  suggestScope,
}: UserPickerProps) {
  const current = showBidiControls(valueLabel ?? value ?? 'All users');
  return (
    <Popover
      label="Filter by user"
      triggerLabel={`User: ${current}`}
      trigger={
        <>
          <Icon name="filter" size={14} />
          <span className="trigger__key">User</span>
          <span className="trigger__value">{current}</span>
          <Icon name="chevronDown" size={14} />
        </>
      }
    >
      {(close) => (
        <UserListbox
          value={value}
          suggest={suggest}
          suggestScope={suggestScope}
          onSelect={(login) => {
            close();
            onChange(login);
          }}
        />
      )}
    </Popover>
  );
}
