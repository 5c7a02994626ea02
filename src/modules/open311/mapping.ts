import { formatCityInstant } from '../../calendar/local-time.ts';
import { TYPE_LABELS } from '../../shared/labels.ts';
import type { ExternalOrderView, Status } from '../orders/index.ts';
import type { CategoryView } from '../directory/index.ts';

/**
 * GeoReport v2 (http://wiki.open311.org/GeoReport_v2) in the platform's terms: a service is a leaf of the
 * category tree (事项分类), a service request is a work order, the agency responsible is the handling
 * department. Pure functions: the routes read, these translate.
 */
export const GEOREPORT_SPEC = 'http://wiki.open311.org/GeoReport_v2';

export interface Open311Service {
  service_code: string;
  service_name: string;
  description: string | null;
  metadata: boolean;
  type: 'realtime' | 'batch' | 'blackbox';
  keywords: string | null;
  group: string | null;
}

/** Every active leaf category; `group` is its top-level branch, `keywords` the words citizens use for it. */
export function servicesOf(categories: CategoryView[]): Open311Service[] {
  return categories
    .filter((c) => c.active && c.isLeaf)
    .map((c) => ({
      service_code: c.code,
      service_name: c.name,
      description: c.path.join(' / '),
      // Every service takes the two attributes of its definition (诉求类型, 区县).
      metadata: true,
      // An agent takes each request in by hand (受理), so the request exists at once but is handled by people.
      type: 'realtime' as const,
      keywords: c.keywords.length ? c.keywords.join(',') : null,
      group: c.path.length > 1 ? c.path[0]! : null,
    }));
}

export interface Open311Attribute {
  variable: boolean;
  code: string;
  datatype: 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';
  required: boolean;
  datatype_description: string | null;
  order: number;
  description: string;
  values?: { key: string; name: string }[];
}

export const TYPE_ATTRIBUTE = 'request_type';
export const DISTRICT_ATTRIBUTE = 'district';

/**
 * The attributes a request for any service may carry: the kind of request (诉求类型, default 投诉 for a reported
 * problem) and the district (区县) it concerns, which decides the handling department for local matters.
 */
export function definitionOf(
  service: Open311Service,
  districts: string[],
): { service_code: string; attributes: Open311Attribute[] } {
  return {
    service_code: service.service_code,
    attributes: [
      {
        variable: true,
        code: TYPE_ATTRIBUTE,
        datatype: 'singlevaluelist',
        required: false,
        datatype_description: '不填时按投诉处理',
        order: 1,
        description: '诉求类型',
        values: Object.entries(TYPE_LABELS).map(([key, name]) => ({ key, name })),
      },
      {
        variable: true,
        code: DISTRICT_ATTRIBUTE,
        datatype: 'singlevaluelist',
        required: false,
        datatype_description: null,
        order: 2,
        description: '所在区县',
        values: districts.map((d) => ({ key: d, name: d })),
      },
    ],
  };
}

/** Open while anyone still owes the citizen something; closed once the order is closed, archived or merged. */
export function open311Status(status: Status): 'open' | 'closed' {
  return status === 'closed' || status === 'archived' || status === 'merged' ? 'closed' : 'open';
}

export interface Open311Request {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes: string | null;
  service_name: string | null;
  service_code: string;
  description: string | null;
  agency_responsible: string | null;
  service_notice: string | null;
  requested_datetime: string;
  updated_datetime: string | null;
  expected_datetime: string | null;
  address: null;
  address_id: null;
  zipcode: null;
  lat: null;
  long: null;
  media_url: null;
}

/** What the citizen has been told so far, in the platform's words. */
function notesOf(o: ExternalOrderView, statusLabel: string): string {
  if (o.status === 'merged')
    return o.mergedIntoNumber ? `已与工单 ${o.mergedIntoNumber} 合并办理` : '已与相同诉求合并办理';
  return o.reply ?? o.answer ?? statusLabel;
}

/**
 * An order as a service request. Never the caller's name, phone or address (the address may be a home): the
 * location fields stay empty. The description is shown only when `withDescription` (requests that came in
 * through Open311, whose text the client sent).
 */
export function requestOf(
  o: ExternalOrderView,
  category: Pick<CategoryView, 'code' | 'name'> | null,
  statusLabel: string,
  withDescription: boolean,
): Open311Request {
  return {
    service_request_id: o.number,
    status: open311Status(o.status),
    status_notes: notesOf(o, statusLabel),
    service_name: category?.name ?? null,
    service_code: category?.code ?? '',
    description: withDescription ? [...o.content].slice(0, 4000).join('') : null,
    agency_responsible: o.department,
    service_notice:
      o.status === 'submitted'
        ? '网上诉求在 1 个工作日内受理回应'
        : o.department
          ? `由${o.department}办理`
          : null,
    requested_datetime: formatCityInstant(o.receivedAt),
    updated_datetime: formatCityInstant(o.updatedAt),
    expected_datetime:
      o.handleDueAt != null
        ? formatCityInstant(o.handleDueAt)
        : o.responseDueAt != null
          ? formatCityInstant(o.responseDueAt)
          : null,
    address: null,
    address_id: null,
    zipcode: null,
    lat: null,
    long: null,
    media_url: null,
  };
}
