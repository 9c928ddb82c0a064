import { Link } from 'react-router';
import { Popover } from './popover.tsx';

export interface PageMenuLink {
  label: string;
  to: string;
}

/** A page's "⋯" menu of links to its settings pages, composed by the app. */
export function PageMenu({ label, links }: { label: string; links: PageMenuLink[] }) {
  if (links.length === 0) return null;
  return (
    <Popover trigger="⋯" triggerLabel={label} label={label} align="end">
      {(close) => (
        <ul className="page-menu">
          {links.map((link) => (
            <li key={link.to}>
              <Link className="page-menu__link" to={link.to} onClick={close}>
                {link.label}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Popover>
  );
}
