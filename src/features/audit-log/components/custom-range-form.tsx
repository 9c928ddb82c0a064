import { useId, useState, type FormEvent } from 'react';
import { Button } from '../../../components/button.tsx';
import { fromInputValue, toInputValue } from '../view/datetime-input.ts';
import type { AuditLogView } from '../view/view-schema.ts';

interface CustomRangeFormProps {
  view: AuditLogView;
  onApply: (range: { from?: number; to?: number }) => void;
}

/** From/to in the view's zone; either may be empty, but from must come before to. */
export function CustomRangeForm({ view, onApply }: CustomRangeFormProps) {
  const [from, setFrom] = useState(toInputValue(view.from, view.tz));
  const [to, setTo] = useState(toInputValue(view.to, view.tz));
  const [error, setError] = useState<string>();
  const id = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const fromSeconds = fromInputValue(from, view.tz);
    const toSeconds = fromInputValue(to, view.tz);
    if (fromSeconds === undefined && toSeconds === undefined) {
      setError('Enter a start, an end, or both.');
    } else if (fromSeconds !== undefined && toSeconds !== undefined && fromSeconds >= toSeconds) {
      setError('The start must be before the end.');
    } else {
      onApply({ from: fromSeconds, to: toSeconds });
    }
  };

  const zone = view.tz === 'utc' ? 'UTC' : 'local time';
  return (
    <form className="custom-range" onSubmit={submit} noValidate>
      <p className="custom-range__title">Custom range ({zone})</p>
      <label htmlFor={`${id}-from`}>From</label>
      <input
        id={`${id}-from`}
        className="input"
        type="datetime-local"
        step={1}
        value={from}
        onChange={(e) => setFrom(e.target.value)}
      />
      <label htmlFor={`${id}-to`}>To</label>
      <input
        id={`${id}-to`}
        className="input"
        type="datetime-local"
        step={1}
        value={to}
        onChange={(e) => setTo(e.target.value)}
      />
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <Button type="submit" variant="primary" size="sm">
        Apply range
      </Button>
    </form>
  );
}
