/**
 * The people of the demo organizations. Names are deliberately diverse (accents, CJK, Arabic,
 * Cyrillic, an emoji, an apostrophe, a very long name) so every screen and export meets them.
 */
import type { OrganizationRole } from '../../common/pulumi/wire-types.ts';
import { generatedAvatarPath } from '../../common/avatar/generated-avatar.ts';

export interface DemoPerson {
  login: string;
  name: string;
  /** Offset of the person's local time from UTC, in minutes (no DST: a demo, not a calendar). */
  utcOffsetMinutes: number;
  acme?: OrganizationRole;
  hobby?: OrganizationRole;
  /** A GitHub avatar URL for a few people; the others get the server's `/avatars/{login}.svg`. */
  avatarUrl?: string;
}

export const DEMO_ADMIN_LOGIN = 'demo-admin';
export const DEMO_MEMBER_LOGIN = 'demo-member';

const H = 60;

export const DEMO_PEOPLE: readonly DemoPerson[] = [
  {
    login: DEMO_ADMIN_LOGIN,
    name: 'Alex Rivera',
    utcOffsetMinutes: -5 * H,
    acme: 'admin',
    hobby: 'admin',
  },
  { login: DEMO_MEMBER_LOGIN, name: 'Morgan Lee', utcOffsetMinutes: -8 * H, acme: 'member' },
  { login: 'jdoe', name: 'Jane Doe', utcOffsetMinutes: -5 * H, acme: 'admin' },
  { login: 'kim', name: 'Kim Nguyễn', utcOffsetMinutes: 7 * H, acme: 'member', hobby: 'member' },
  { login: 'jnunez', name: 'José Núñez', utcOffsetMinutes: 1 * H, acme: 'member' },
  { login: 'zangstrom', name: 'Zoë Ångström', utcOffsetMinutes: 1 * H, acme: 'admin' },
  { login: 'tyamada', name: '山田 太郎', utcOffsetMinutes: 9 * H, acme: 'member' },
  { login: 'liwei', name: '李伟', utcOffsetMinutes: 8 * H, acme: 'member', hobby: 'member' },
  { login: 'ppatel', name: 'Priya 🚀 Patel', utcOffsetMinutes: 5.5 * H, acme: 'member' },
  {
    login: 'dokonkwo',
    name: 'Dana Okonkwo',
    utcOffsetMinutes: 1 * H,
    acme: 'admin',
    avatarUrl: 'https://avatars.githubusercontent.com/u/7654321?v=4',
  },
  { login: 'mgarcia', name: 'María García', utcOffsetMinutes: -6 * H, acme: 'member' },
  { login: 'fmuller', name: 'François Müller', utcOffsetMinutes: 1 * H, acme: 'member' },
  { login: 'sbjornsson', name: 'Søren Bjørnsson', utcOffsetMinutes: 1 * H, acme: 'member' },
  { login: 'aoconnor', name: "Aoife O'Connor", utcOffsetMinutes: 0, acme: 'member' },
  { login: 'hkim', name: '김하늘', utcOffsetMinutes: 9 * H, acme: 'member' },
  { login: 'ymatsumoto', name: '松本 由美', utcOffsetMinutes: 9 * H, acme: 'member' },
  {
    login: 'rsharma',
    name: 'Rahul Sharma',
    utcOffsetMinutes: 5.5 * H,
    acme: 'member',
    avatarUrl: 'https://avatars.githubusercontent.com/u/2345678?v=4',
  },
  { login: 'nabdullah', name: 'نور عبدالله', utcOffsetMinutes: 3 * H, acme: 'member' },
  { login: 'oivanova', name: 'Ольга Иванова', utcOffsetMinutes: 3 * H, acme: 'member' },
  { login: 'lrossi', name: 'Luca Rossi', utcOffsetMinutes: 1 * H, acme: 'member' },
  { login: 'lkowalski', name: 'Łukasz Kowalski', utcOffsetMinutes: 1 * H, acme: 'member' },
  { login: 'edupont', name: 'Élodie Dupont', utcOffsetMinutes: 1 * H, acme: 'member' },
  { login: 'tttran', name: 'Trần Thị Thảo', utcOffsetMinutes: 7 * H, acme: 'member' },
  { login: 'bsmith', name: 'Ben Smith', utcOffsetMinutes: 0, acme: 'member', hobby: 'member' },
  { login: 'ajohnson', name: 'Amara Johnson', utcOffsetMinutes: -5 * H, acme: 'member' },
  { login: 'wzhang', name: 'Wei Zhang', utcOffsetMinutes: 8 * H, acme: 'member' },
  { login: 'gsilva', name: 'Gabriel Silva', utcOffsetMinutes: -3 * H, acme: 'member' },
  { login: 'jcosta', name: 'João Costa', utcOffsetMinutes: -3 * H, acme: 'member' },
  { login: 'ksato', name: 'Kenji Satō', utcOffsetMinutes: 9 * H, acme: 'member' },
  { login: 'mschmidt', name: 'Max Schmidt-Weiß', utcOffsetMinutes: 1 * H, acme: 'member' },
  { login: 'rcohen', name: 'Rachel Cohen', utcOffsetMinutes: 2 * H, acme: 'admin' },
  { login: 'ahernandez', name: 'Ana Hernández', utcOffsetMinutes: -8 * H, acme: 'member' },
  { login: 'dwilliams', name: "D'Andre Williams", utcOffsetMinutes: -6 * H, acme: 'member' },
  { login: 'emeyer', name: 'Emma Meyer', utcOffsetMinutes: 1 * H, acme: 'billing-manager' },
  { login: 'ipopescu', name: 'Ioana Popescu', utcOffsetMinutes: 2 * H, acme: 'member' },
  { login: 'tngata', name: 'Tama Ngata', utcOffsetMinutes: 12 * H, acme: 'member' },
  { login: 'kwanjiru', name: 'Kamau Wanjiru', utcOffsetMinutes: 3 * H, acme: 'member' },
  {
    login: 'hbrown',
    name: 'Harper Brown',
    utcOffsetMinutes: -8 * H,
    acme: 'stack-collaborator',
    avatarUrl: 'https://avatars.githubusercontent.com/u/9876543?v=4',
  },
  { login: 'nikolai', name: 'Nikolai', utcOffsetMinutes: 2 * H, acme: 'member' },
  { login: 'vvo', name: 'Vy Võ', utcOffsetMinutes: 7 * H, acme: 'member', hobby: 'member' },
  {
    login: 'mvonhohenzollern',
    name: 'Maximilian Alexander von Hohenzollern-Sigmaringen',
    utcOffsetMinutes: 1 * H,
    acme: 'member',
  },
];

/** The avatar a person is stored with: `avatarPathOf({ login: 'kim', … }) === '/avatars/kim.svg'`. */
export function avatarPathOf(person: Pick<DemoPerson, 'login' | 'avatarUrl'>): string {
  return person.avatarUrl ?? generatedAvatarPath(person.login);
}

/** The person's e-mail, on a reserved domain so nothing ever reaches a real inbox. */
export function emailOf(person: Pick<DemoPerson, 'login'>): string {
  return `${person.login}@acme.example`;
}
