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
    return fastJson(json as never) as (data: unknown) => string;
  } catch {
    // A schema JSON Schema cannot express (a transform): zod writes it.
    return null;
  }
}
