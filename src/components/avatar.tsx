import { useState } from 'react';
import { hueOf, initialsOf, isHttpUrl } from './avatar-initials.ts';

interface AvatarProps {
  src: string | undefined;
  /** Used for the initials and colour of the fallback. */
  name: string;
  size?: number;
  /** Avatars sit beside the name they show, so they are decorative unless told otherwise. */
  alt?: string;
}

/** A user's or organization's picture; initials when there is none, it is not http(s), or it fails. */
export function Avatar({ src, name, size = 24, alt = '' }: AvatarProps) {
  const [failedSrc, setFailedSrc] = useState<string>();
  const box = { width: size, height: size };
  if (!isHttpUrl(src) || failedSrc === src) {
    return (
      <span
        className="avatar avatar--initials"
        data-testid="avatar-initials"
        role={alt ? 'img' : undefined}
        aria-label={alt || undefined}
        aria-hidden={alt ? undefined : true}
        style={{ ...box, fontSize: size * 0.42, background: `hsl(${hueOf(name)} 50% 30%)` }}
      >
        {initialsOf(name)}
      </span>
    );
  }
  return (
    <img
      className="avatar"
      src={src}
      alt={alt}
      style={box}
      width={size}
      height={size}
      loading="lazy"
      decoding="async"
      referrerPolicy="no-referrer"
      onError={() => setFailedSrc(src)}
    />
  );
}
