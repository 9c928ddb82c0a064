import { useState } from 'react';
import { avatarColor } from '../../common/avatar/avatar-color.ts';
import { initialsOf } from '../../common/avatar/avatar-initials.ts';
import { isGeneratedAvatar } from '../../common/avatar/generated-avatar.ts';
import { isHttpUrl } from './avatar-src.ts';

interface AvatarProps {
  src: string | undefined;
  /** Used for the initials of the fallback. */
  name: string;
  /** Chooses the fallback's colour, as the server's generated avatars do; defaults to `name`. */
  login?: string;
  size?: number;
  /** Avatars sit beside the name they show, so they are decorative unless told otherwise. */
  alt?: string;
}

/** Initials and colour per name and login: rows of the same few people scroll by by the thousand. */
const faces = new Map<string, { initials: string; color: string }>();
const FACES_KEPT = 2000;

function faceOf(name: string, login: string | undefined) {
  const key = `${name}\u0000${login ?? '\u0001'}`;
  let face = faces.get(key);
  if (!face) {
    if (faces.size >= FACES_KEPT) faces.clear();
    face = { initials: initialsOf(name, login ?? ''), color: avatarColor(login ?? name) };
    faces.set(key, face);
  }
  return face;
}

/**
 * A user's or organization's picture; initials when there is none, it is not http(s), it fails,
 * or it is this service's generated avatar (the same initials, drawn as text).
 */
export function Avatar({ src, name, login, size = 24, alt = '' }: AvatarProps) {
  const [failedSrc, setFailedSrc] = useState<string>();
  const box = { width: size, height: size };
  if (!isHttpUrl(src) || failedSrc === src || isGeneratedAvatar(src, window.location.origin)) {
    const face = faceOf(name, login);
    return (
      <span
        className="avatar avatar--initials"
        data-testid="avatar-initials"
        role={alt ? 'img' : undefined}
        aria-label={alt || undefined}
        aria-hidden={alt ? undefined : true}
        style={{ ...box, fontSize: size * 0.42, background: face.color }}
      >
        {face.initials}
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
