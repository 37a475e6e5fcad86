import fastJson from 'fast-json-stringify';
import { serializerCompiler as zodSerializer } from 'fastify-type-provider-zod';
import { z } from 'zod';

type Compile = typeof zodSerializer;

/**
 * Responses are written by a serializer compiled from their schema (fast-json-stringify, as
 * Fastify does for JSON schemas): it writes only the fields the schema names, as zod's did, and
 * checking and stringifying each response with zod took a fifth of the CPU of a list. `check`
 * (development and tests) also checks each response against its schema first, so that a route
 * answering other than its contract fails loudly there.
 */
export function compiledSerializer({ check }: { check: boolean }): Compile {
  return (route) => {
    const checked = check ? zodSerializer(route) : null;
    const write = compile(route.schema);
    if (!write) return checked ?? zodSerializer(route);
    return checked ? (data) => (checked(data), write(data)) : write;
  };
}

function compile(schema: unknown): ((data: unknown) => string) | null {
  try {
    const json = z.toJSONSchema(schema as z.ZodType, { io: 'output', target: 'draft-7', unrepresentable: 'throw' });
    return fastJson(forWriting(json) as never) as (data: unknown) => string;
  } catch {
    // A schema JSON Schema cannot express (a transform): zod writes it.
    return null;
  }
}

/** Keywords that only check a value: writing needs none of them (`check` is what checks). */
const CHECKS_ONLY = new Set(['$schema', 'pattern', 'format', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength', 'minItems', 'maxItems', 'multipleOf']);
/** Keywords whose value is a map of names to schemas. */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions']);
/** Keywords whose value is a schema or a list of schemas. */
const SCHEMAS = new Set(['items', 'prefixItems', 'additionalProperties', 'anyOf', 'oneOf', 'allOf', 'not']);
const PRIMITIVES = new Set(['string', 'number', 'integer', 'boolean']);

/**
 * The schema as the serializer needs it. fast-json-stringify picks a branch of an `anyOf` by
 * validating the value against each with ajv, every pattern and format included, for every row:
 * zod writes each nullable uuid or date as one, and checking them took more of a people page's
 * CPU than writing it. A nullable primitive becomes one field of two types, written without a
 * check, and what remains of a union (a doctor as an admin or a patient sees them) is chosen by
 * shape alone.
 */
export function forWriting(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(forWriting);
  if (!schema || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (CHECKS_ONLY.has(key)) continue;
    if (SCHEMA_MAPS.has(key)) out[key] = Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, forWriting(v)]));
    else out[key] = SCHEMAS.has(key) ? forWriting(value) : value;
  }
  const branches = out.anyOf as Record<string, unknown>[] | undefined;
  if (branches?.length !== 2) return out;
  const isNull = (b: Record<string, unknown>) => b.type === 'null' && Object.keys(b).length === 1;
  const value = isNull(branches[0]!) ? branches[1]! : isNull(branches[1]!) ? branches[0]! : undefined;
  if (!value || !PRIMITIVES.has(value.type as string) || 'const' in value) return out;
  const { anyOf: _, ...rest } = out;
  // An enum stays for choosing a union's branch, so it must allow null too.
  const allowed = Array.isArray(value.enum) ? { enum: [...(value.enum as unknown[]), null] } : {};
  return { ...rest, ...value, ...allowed, type: [value.type, 'null'] };
}
