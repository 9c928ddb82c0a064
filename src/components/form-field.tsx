/**
 * One labelled form field: the label, the control (given its id and the hint's id to describe
 * it), and an optional hint, in the `field` layout every form shares:
 * `<FormField id="name" label="Name">{(control) => <input {...control} />}</FormField>`.
 */
import type { InputHTMLAttributes, ReactNode } from 'react';

export interface FieldControlProps {
  id: string;
  'aria-describedby'?: string;
}

interface FormFieldProps {
  id: string;
  label: string;
  hint?: ReactNode;
  /** Extra classes on the field (a grid placement). */
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
}

export function FormField({ id, label, hint, className, children }: FormFieldProps) {
  const hintId = hint === undefined ? undefined : `${id}-hint`;
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-describedby': hintId })}
      {hint === undefined ? null : (
        <span id={hintId} className="field-hint">
          {hint}
        </span>
      )}
    </div>
  );
}

export interface Choice<T extends string | number> {
  value: T;
  label: string;
}

interface SelectFieldProps<T extends string | number> {
  id: string;
  label: string;
  className?: string;
  value: T;
  choices: readonly Choice<T>[];
  onChange: (value: T) => void;
}

/** A labelled choice among `choices`, giving back the chosen value with its own type. */
export function SelectField<T extends string | number>(props: SelectFieldProps<T>) {
  const { id, label, className, value, choices, onChange } = props;
  return (
    <FormField id={id} label={label} className={className}>
      {(control) => (
        <select
          {...control}
          className="input"
          value={value}
          onChange={(e) => {
            const chosen = choices[e.target.selectedIndex];
            if (chosen) onChange(chosen.value);
          }}
        >
          {choices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}

type InputFieldProps = Omit<FormFieldProps, 'children'> &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className'> & {
    /** Extra classes on the input (a monospace search). */
    inputClassName?: string;
  };

/** A labelled input: `<InputField id="name" label="Name" value={name} onChange={…} />`. */
export function InputField({
  id,
  label,
  hint,
  className,
  inputClassName,
  ...input
}: InputFieldProps) {
  return (
    <FormField id={id} label={label} hint={hint} className={className}>
      {(control) => (
        <input
          {...control}
          className={inputClassName ? `input ${inputClassName}` : 'input'}
          {...input}
        />
      )}
    </FormField>
  );
}
