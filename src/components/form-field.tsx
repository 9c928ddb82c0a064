/**
 * One labelled form field: the label, the control (given its id and the hint's id to describe
 * it), and an optional hint, in the `field` layout every form shares:
 * `<FormField id="name" label="Name">{(control) => <input {...control} />}</FormField>`.
 */
import type { ReactNode } from 'react';

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
