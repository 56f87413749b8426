/**
 * The Atlassian Statuspage public API v2 response shapes, as JSON schemas built from the field lists
 * in shared/reference/platforms.md: every listed field is required, with its type or enum.
 */
import Ajv, { type ValidateFunction } from 'ajv';

const ISO = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$';
const instant = { type: 'string', pattern: ISO };
const maybeInstant = { anyOf: [instant, { type: 'null' }] };
const text = { type: 'string', minLength: 1 };
const maybeText = { type: ['string', 'null'] };
const COMPONENT_STATUS = ['operational', 'degraded_performance', 'partial_outage', 'major_outage'];
const INCIDENT_STATUS = ['investigating', 'identified', 'monitoring', 'resolved', 'postmortem'];
const INDICATOR = ['none', 'minor', 'major', 'critical'];

function object(properties: Record<string, unknown>) {
  return { type: 'object', required: Object.keys(properties), properties };
}

const page = object({ id: text, name: text, url: { type: 'string', pattern: '^https?://' }, time_zone: text, updated_at: instant });
const status = object({ indicator: { enum: INDICATOR }, description: text });
const component = object({
  id: text,
  name: text,
  status: { enum: COMPONENT_STATUS },
  created_at: instant,
  updated_at: instant,
  position: { type: 'integer', minimum: 0 },
  description: maybeText,
  page_id: text,
  group_id: maybeText,
  showcase: { type: 'boolean' },
  only_show_if_degraded: { type: 'boolean' },
});
const affected = object({ code: text, name: text, old_status: { enum: COMPONENT_STATUS }, new_status: { enum: COMPONENT_STATUS } });
const update = object({
  id: text,
  incident_id: text,
  status: { enum: INCIDENT_STATUS },
  body: { type: 'string' },
  created_at: instant,
  updated_at: instant,
  display_at: instant,
  affected_components: { type: 'array', items: affected },
});
const incident = object({
  id: text,
  name: text,
  status: { enum: INCIDENT_STATUS },
  impact: { enum: INDICATOR },
  created_at: instant,
  updated_at: instant,
  started_at: instant,
  monitoring_at: maybeInstant,
  resolved_at: maybeInstant,
  shortlink: { type: 'string', pattern: '^https?://' },
  page_id: text,
  components: { type: 'array', items: component },
  incident_updates: { type: 'array', items: update },
});

export const SCHEMAS = {
  summary: object({
    page,
    status,
    components: { type: 'array', items: component },
    incidents: { type: 'array', items: incident },
    scheduled_maintenances: { type: 'array' },
  }),
  status: object({ page, status }),
  components: object({ page, components: { type: 'array', items: component } }),
  incidents: object({ page, incidents: { type: 'array', items: incident } }),
};

const ajv = new Ajv({ allErrors: true, strict: true });
const compiled = new Map<keyof typeof SCHEMAS, ValidateFunction>();

/** The problems of a response against its Statuspage shape ("/incidents/0/impact must be equal to one of …"), none when it fits. */
export function shapeProblems(kind: keyof typeof SCHEMAS, json: unknown): string[] {
  let validate = compiled.get(kind);
  if (!validate) {
    validate = ajv.compile(SCHEMAS[kind]);
    compiled.set(kind, validate);
  }
  return validate(json) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}
