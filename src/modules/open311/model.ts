import { z } from 'zod';
import { zInstant } from '../../platform/input.ts';
import { zCallerPhone } from '../orders/index.ts';

const text = (max: number) => z.string().max(max);
const coordinate = (min: number, max: number) => z.coerce.number().min(min).max(max);

/**
 * POST requests.{format}: the standard's fields (sent as a form or as JSON). `attribute[code]` keys of a form
 * arrive as extra string fields; a JSON client may nest them under `attribute`.
 */
export const SubmitRequestBody = z
  .object({
    api_key: text(200).optional(),
    service_code: text(50),
    jurisdiction_id: text(100).optional(),
    description: z.string().trim().min(1, 'required').max(4000),
    lat: coordinate(-90, 90).optional(),
    long: coordinate(-180, 180).optional(),
    address_string: text(200).optional(),
    address_id: text(100).optional(),
    email: text(200).optional(),
    device_id: text(200).optional(),
    account_id: text(200).optional(),
    first_name: text(50).optional(),
    last_name: text(50).optional(),
    phone: zCallerPhone.optional(),
    media_url: z
      .string()
      .max(500)
      .regex(/^https?:\/\/\S+$/, 'an http(s) URL')
      .optional(),
    attribute: z.record(z.string().max(50), z.string().max(200)).optional(),
  })
  .catchall(z.string().max(200));
export type SubmitRequestBody = z.infer<typeof SubmitRequestBody>;

export const ListRequestsQuery = z.object({
  service_request_id: text(2000).optional(),
  service_code: text(500).optional(),
  start_date: zInstant.optional(),
  end_date: zInstant.optional(),
  status: text(20).optional(),
  jurisdiction_id: text(100).optional(),
});
export type ListRequestsQuery = z.infer<typeof ListRequestsQuery>;

export const JurisdictionQuery = z.object({ jurisdiction_id: text(100).optional() });

const nullableText = z.string().nullable();

export const Open311ServiceSchema = z.object({
  service_code: z.string(),
  service_name: z.string(),
  description: nullableText,
  metadata: z.boolean(),
  type: z.enum(['realtime', 'batch', 'blackbox']),
  keywords: nullableText,
  group: nullableText,
});
export const ServicesAnswer = z.array(Open311ServiceSchema);

export const ServiceDefinitionAnswer = z.object({
  service_code: z.string(),
  attributes: z.array(
    z.object({
      variable: z.boolean(),
      code: z.string(),
      datatype: z.enum(['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist']),
      required: z.boolean(),
      datatype_description: nullableText,
      order: z.number().int(),
      description: z.string(),
      values: z.array(z.object({ key: z.string(), name: z.string() })).optional(),
    }),
  ),
});

export const RequestsAnswer = z.array(
  z.object({
    service_request_id: z.string(),
    status: z.enum(['open', 'closed']),
    status_notes: nullableText,
    service_name: nullableText,
    service_code: z.string(),
    description: nullableText,
    agency_responsible: nullableText,
    service_notice: nullableText,
    requested_datetime: z.string(),
    updated_datetime: nullableText,
    expected_datetime: nullableText,
    address: z.null(),
    address_id: z.null(),
    zipcode: z.null(),
    lat: z.null(),
    long: z.null(),
    media_url: z.null(),
  }),
);

export const SubmitAnswer = z.array(
  z.object({
    service_request_id: z.string(),
    token: z.string(),
    service_notice: z.string(),
    account_id: z.null(),
  }),
);

export const TokenAnswer = z.array(z.object({ service_request_id: z.string(), token: z.string() }));

export const DiscoveryAnswer = z.object({
  changeset: z.string(),
  contact: z.string(),
  key_service: z.string(),
  endpoints: z.array(
    z.object({
      specification: z.string(),
      url: z.string(),
      changeset: z.string(),
      type: z.enum(['production', 'test']),
      formats: z.array(z.string()),
    }),
  ),
});

/** The console's view of a registered client (never the key, which is shown once). */
export const ClientView = z.object({
  id: z.number().int(),
  name: z.string(),
  keyPrefix: z.string(),
  createdAt: z.date(),
  revokedAt: z.date().nullable(),
});
export const ClientList = z.object({ items: z.array(ClientView) });
export const NewClientAnswer = ClientView.extend({ apiKey: z.string() });
export const NewClientBody = z.object({ name: z.string().trim().min(1, 'required').max(100) });
