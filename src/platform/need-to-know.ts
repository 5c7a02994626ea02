import type { Actor, Role } from './actor.ts';

/**
 * Need to know (PIPL arts. 5–6 and 51 "minimum necessary"; 等保 2.0 level 3, GB/T 22239-2019 8.1.4.2 access
 * control to the granularity of fields; Luohe contract art. 6.3): the ONE table of which role sees which personal
 * field of a caller, and how. Every endpoint that returns orders, calls or callbacks goes through `reveal`.
 */
export type Visibility = 'full' | 'masked' | 'none';

/** The caller's name, telephone number and address (on orders), and the calling number (on call records). */
export type PersonalField = 'name' | 'phone' | 'address';

/**
 * Where the data is shown: an order list or search, an order detail (also the answer to an action), the same for
 * a caller who asked to stay anonymous, the switch's call records, and the callback work list agents dial from.
 */
export type PersonalView =
  'order.list' | 'order.detail' | 'order.detail.anonymous' | 'call.list' | 'callback.list';

type Row = Record<PersonalView, Record<PersonalField, Visibility>>;

const all = (v: Visibility): Record<PersonalField, Visibility> => ({ name: v, phone: v, address: v });
const caller = (nameAndPhone: Visibility, address: Visibility) => ({
  name: nameAndPhone,
  phone: nameAndPhone,
  address,
});
const NOTHING: Row = {
  'order.list': all('none'),
  'order.detail': all('none'),
  'order.detail.anonymous': all('none'),
  'call.list': all('none'),
  'callback.list': all('none'),
};

export const NEED_TO_KNOW: Record<Role, Row> = {
  // Agents and team leads take the call, ring back and check the caller: full on the detail and the dial list.
  agent: {
    'order.list': caller('masked', 'full'),
    'order.detail': all('full'),
    'order.detail.anonymous': all('full'),
    'call.list': all('masked'),
    'callback.list': all('full'),
  },
  team_lead: {
    'order.list': caller('masked', 'full'),
    'order.detail': all('full'),
    'order.detail.anonymous': all('full'),
    'call.list': all('masked'),
    'callback.list': all('full'),
  },
  // The office supervises, audits call records (its reading of a full number is audited) and judges appeals.
  office: {
    'order.list': caller('masked', 'full'),
    'order.detail': all('full'),
    'order.detail.anonymous': all('full'),
    'call.list': all('full'),
    'callback.list': all('masked'),
  },
  // A department handles the case and may call the citizen back — unless the citizen asked to stay anonymous.
  department: {
    'order.list': caller('masked', 'full'),
    'order.detail': all('full'),
    'order.detail.anonymous': caller('none', 'full'),
    'call.list': all('none'),
    'callback.list': all('none'),
  },
  // The administrator keeps users and reference data, not casework (separation of duties, 8.1.4.2 c).
  admin: {
    'order.list': all('masked'),
    'order.detail': all('masked'),
    'order.detail.anonymous': all('masked'),
    'call.list': all('masked'),
    'callback.list': all('masked'),
  },
  switch: NOTHING,
  kb_editor: NOTHING,
};

/** What an actor may see of a field in a view; citizens and the system see nothing through the staff API. */
export function visibilityOf(
  actor: Pick<Actor, 'role'>,
  view: PersonalView,
  field: PersonalField,
): Visibility {
  const row = (NEED_TO_KNOW as Record<string, Row | undefined>)[actor.role];
  return row ? row[view][field] : 'none';
}

/** Roles that may look orders up by the caller's number (they see it in some view). */
export function maySearchByCaller(actor: Pick<Actor, 'role'>): boolean {
  return visibilityOf(actor, 'order.detail', 'phone') !== 'none';
}

/**
 * Attachments (photos of the place, the department's scanned reply) often show the caller's home, face or
 * documents: only roles that see the matter's address in full on the order detail open them (agents, team leads,
 * the office, the handling department); the administrator and the technical roles do not.
 */
export function mayOpenAttachments(actor: Pick<Actor, 'role'>): boolean {
  return visibilityOf(actor, 'order.detail', 'address') === 'full';
}

/** 138****1234: enough for an agent to recognise a number, not enough to leak it. */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return phone;
  const digits = phone.replace(/\s/g, '');
  if (digits.length <= 7)
    return `${digits.slice(0, 1)}${'*'.repeat(Math.max(digits.length - 3, 1))}${digits.slice(-2)}`;
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

export function maskName(name: string | null): string | null {
  if (!name) return name;
  return `${[...name][0]}${'*'.repeat(Math.min([...name].length - 1, 2) || 1)}`;
}

/** The first six characters (the street, rarely the house) and stars. */
export function maskAddress(address: string | null): string | null {
  if (!address) return address;
  const chars = [...address];
  return chars.length <= 6 ? `${chars.slice(0, 2).join('')}****` : `${chars.slice(0, 6).join('')}****`;
}

const MASKERS: Record<PersonalField, (v: string | null) => string | null> = {
  name: maskName,
  phone: maskPhone,
  address: maskAddress,
};

/** The value of a personal field as `actor` may see it in `view`: itself, masked, or null. */
export function reveal(
  actor: Pick<Actor, 'role'>,
  view: PersonalView,
  field: PersonalField,
  value: string | null,
): string | null {
  const v = visibilityOf(actor, view, field);
  return v === 'full' ? value : v === 'masked' ? MASKERS[field](value) : null;
}
