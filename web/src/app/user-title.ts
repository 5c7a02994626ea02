import { ROLE_LABELS } from './labels.ts';

/**
 * How the console names the signed-in user: the display name, with the role only when the name does not say
 * it already (demo names read "话务员 李娜"; issue 14 found "话务员 李娜，您好（话务员）").
 */
export function userTitle(user: { displayName: string; role: string }): string {
  const role = ROLE_LABELS[user.role] ?? user.role;
  return user.displayName.includes(role) ? user.displayName : `${user.displayName}（${role}）`;
}
