interface SpinnerProps {
  /** Read by screen readers; the spinner itself is only a picture. */
  label?: string;
  size?: number;
}

export function Spinner({ label, size = 16 }: SpinnerProps) {
  return (
    <span className="spinner-wrap">
      <span className="spinner" style={{ width: size, height: size }} aria-hidden="true" />
      {label ? <span className="sr-only">{label}</span> : null}
    </span>
  );
}
