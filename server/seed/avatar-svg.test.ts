// @vitest-environment jsdom
// (for DOMParser: a real XML parser is the honest well-formedness check)
import { describe, expect, it } from 'vitest';
import { initialsOf } from '../../common/avatar/avatar-initials.ts';
import { avatarColor } from '../../common/avatar/avatar-color.ts';
import { escapeXml, renderAvatarSvg } from './avatar-svg.ts';
import { DEMO_PEOPLE } from './demo-people.ts';

function parseSvg(svg: string) {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  return doc;
}

describe('renderAvatarSvg', () => {
  it('renders well-formed SVG for every demo person', () => {
    for (const person of DEMO_PEOPLE) {
      const doc = parseSvg(renderAvatarSvg(person.login, person.name));
      expect(doc.documentElement.tagName).toBe('svg');
      expect(doc.documentElement.getAttribute('viewBox')).toBe('0 0 64 64');
      expect(doc.querySelector('title')?.textContent).toBe(person.name);
      expect(doc.querySelector('text')?.textContent).toBe(initialsOf(person.name, person.login));
    }
  });

  it('escapes markup in names', () => {
    const svg = renderAvatarSvg('x', `<script>alert("1")</script> & 'Co'`);
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;alert(&quot;1&quot;)&lt;/script&gt; &amp; &apos;Co&apos;');
    expect(parseSvg(svg).querySelector('title')?.textContent).toBe(
      `<script>alert("1")</script> & 'Co'`,
    );
  });

  it('keeps a colour per login', () => {
    expect(avatarColor('kim')).toBe(avatarColor('kim'));
    expect(new Set(DEMO_PEOPLE.map((person) => avatarColor(person.login))).size).toBeGreaterThan(6);
    expect(renderAvatarSvg('kim', 'Kim')).toBe(renderAvatarSvg('kim', 'Kim'));
  });

  it('escapeXml covers the five XML specials', () => {
    expect(escapeXml(`<>&"'`)).toBe('&lt;&gt;&amp;&quot;&apos;');
  });
});
