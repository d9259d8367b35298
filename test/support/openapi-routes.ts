/**
 * The API's routes as its OpenAPI document states them: method, path, parameters and body
 * schema, with the document's references resolved. Tests that must reach every route read
 * them from here, so a route added to the server is covered without touching the tests.
 *
 * Beside the list: a walk over a body schema that finds every place a value can go, a
 * valid value for any schema (so that one field can be made hostile while the rest of the
 * request passes), and whether a value is within what a schema documents.
 */
import fc from 'fast-check';

/** The subset of JSON Schema the server's zod schemas produce. */
export interface JsonSchema {
  readonly type?: string;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean | JsonSchema;
  readonly propertyNames?: JsonSchema;
  readonly items?: JsonSchema;
  readonly anyOf?: readonly JsonSchema[];
  readonly enum?: readonly unknown[];
  readonly pattern?: string;
  readonly format?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly example?: unknown;
  readonly default?: unknown;
  readonly description?: string;
  readonly $ref?: string;
}

export type Location = 'path' | 'query' | 'header';

export interface RouteParameter {
  readonly name: string;
  readonly in: Location;
  readonly required: boolean;
  readonly schema: JsonSchema;
}

export interface DocumentedRoute {
  /** Upper case: GET, POST, … */
  readonly method: string;
  /** The OpenAPI template, e.g. /api/entities/{entity}/entries/{seq}. */
  readonly path: string;
  readonly parameters: readonly RouteParameter[];
  readonly body?: { readonly contentType: string; readonly schema: JsonSchema; readonly required: boolean };
  /** Whether the route is open without a token, as its description states. */
  readonly public: boolean;
}

export const routeName = (route: DocumentedRoute): string => `${route.method} ${route.path}`;

interface OpenApiOperation {
  readonly description?: string;
  readonly parameters?: readonly { name: string; in: string; required?: boolean; schema?: JsonSchema }[];
  readonly requestBody?: { required?: boolean; content: Readonly<Record<string, { schema?: JsonSchema }>> };
}

interface OpenApiDocument {
  readonly paths: Readonly<Record<string, Readonly<Record<string, OpenApiOperation>>>>;
  readonly components?: { readonly schemas?: Readonly<Record<string, JsonSchema>> };
}

const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch']);

/** Every documented method of every documented path. */
export function documentedRoutes(document: unknown): DocumentedRoute[] {
  const doc = document as OpenApiDocument;
  const resolve = (schema: JsonSchema): JsonSchema => resolveRefs(schema, doc.components?.schemas ?? {});
  const routes: DocumentedRoute[] = [];
  for (const [path, operations] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      if (!METHODS.has(method)) continue;
      const parameters = (operation.parameters ?? [])
        .filter((p) => p.in === 'path' || p.in === 'query' || p.in === 'header')
        .map((p) => ({ name: p.name, in: p.in as Location, required: p.required === true, schema: resolve(p.schema ?? {}) }));
      const content = Object.entries(operation.requestBody?.content ?? {})[0];
      routes.push({
        method: method.toUpperCase(),
        path,
        parameters,
        ...(content && { body: { contentType: content[0], schema: resolve(content[1].schema ?? {}), required: operation.requestBody?.required === true } }),
        public: /Access: public\b/.test(operation.description ?? ''),
      });
    }
  }
  return routes;
}

function resolveRefs(schema: JsonSchema, components: Readonly<Record<string, JsonSchema>>): JsonSchema {
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (node === null || typeof node !== 'object') return node;
    const ref = (node as JsonSchema).$ref;
    if (ref !== undefined) {
      const target = components[ref.replace('#/components/schemas/', '')];
      if (!target) throw new Error(`unresolved reference ${ref}`);
      return walk(target);
    }
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, walk(value)]));
  };
  return walk(schema) as JsonSchema;
}

/**
 * The routes a Fastify server holds, read from its `printRoutes({ commonPrefix: false })`
 * tree and written as the OpenAPI document writes them: "GET /api/entities/{entity}".
 */
export function printedRoutes(tree: string): string[] {
  const path: string[] = [];
  const routes: string[] = [];
  for (const line of tree.split('\n')) {
    const match = /^((?:│ {3}| {4})*)(?:├── |└── )(.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match) continue;
    path.length = (match[1] ?? '').length / 4;
    path.push(match[2] ?? '');
    for (const method of match[3]?.split(', ') ?? []) routes.push(`${method} ${path.join('').replace(/:(\w+)/g, '{$1}')}`);
  }
  return routes;
}

/** The object variant of an optional body (`anyOf: [object, null]`), or the schema itself. */
export function concrete(schema: JsonSchema): JsonSchema {
  return schema.anyOf?.find((variant) => variant.type !== 'null') ?? schema;
}

/** A date field, whether the schema states it by pattern, format, description or example. */
export function isDateSchema(schema: JsonSchema): boolean {
  if (schema.type !== 'string' || schema.enum) return false;
  if (schema.pattern !== undefined) return schema.pattern.includes('\\d{4}-\\d{2}-\\d{2}');
  return schema.format === 'date' || /YYYY-MM-DD/.test(schema.description ?? '') || (typeof schema.example === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(schema.example));
}

export const isIntegerSchema = (schema: JsonSchema): boolean => schema.type === 'integer' || schema.type === 'number';

/** A string field whose pattern asks for digits: amounts, rates, account codes. */
export const isNumericText = (schema: JsonSchema): boolean => schema.type === 'string' && !isDateSchema(schema) && /^\^\\d/.test(schema.pattern ?? '');

/** One place in a body where a value can go. */
export interface Slot {
  /** From the body's root: property names and array indexes. */
  readonly path: readonly (string | number)[];
  /** The schema of each step of the path, the slot's own last. */
  readonly steps: readonly JsonSchema[];
  readonly schema: JsonSchema;
  /** The property the slot belongs to (for an array element, the array's). */
  readonly name: string;
}

/** Every place in a body, optional ones included; an array is entered at its first element. */
export function slotsOf(body: JsonSchema): Slot[] {
  const slots: Slot[] = [];
  const visit = (schema: JsonSchema, path: readonly (string | number)[], steps: readonly JsonSchema[], name: string): void => {
    const node = concrete(schema);
    if (path.length > 0) slots.push({ path, steps, schema: node, name });
    for (const [key, child] of Object.entries(node.properties ?? {})) visit(child, [...path, key], [...steps, concrete(child)], key);
    const recordKey = node.propertyNames?.enum?.[0];
    if (typeof recordKey === 'string' && typeof node.additionalProperties === 'object') {
      visit(node.additionalProperties, [...path, recordKey], [...steps, concrete(node.additionalProperties)], recordKey);
    }
    if (node.items) visit(node.items, [...path, 0], [...steps, concrete(node.items)], name);
  };
  visit(body, [], [], 'body');
  return slots;
}

/** Values the fixture knows to be good for a field of this name; the first the schema admits is used. */
export type KnownValues = Readonly<Record<string, string | readonly string[]>>;

const GOOD_DATE = '2024-03-15';
const GOOD_TEXT = 'Kiểm tra đầu vào';

/** A value the schema accepts: the fixture's, the documented example, or one made to fit. */
export function validValue(schema: JsonSchema, name: string, known: KnownValues): unknown {
  const node = concrete(schema);
  if (isDateSchema(node)) return GOOD_DATE;
  const fixtureValues = [known[name] ?? []].flat().map((text) => (isIntegerSchema(node) && /^\d+$/.test(text) ? Number(text) : text));
  const candidates = [...fixtureValues, node.example, node.enum?.[0], node.default];
  const fitting = candidates.find((candidate) => candidate !== undefined && admits(node, candidate));
  if (fitting !== undefined) return fitting;
  switch (node.type) {
    case 'string':
      return node.pattern === undefined ? GOOD_TEXT.padEnd(node.minLength ?? 1, '.').slice(0, node.maxLength ?? GOOD_TEXT.length) : matching(node);
    case 'integer':
    case 'number':
      return node.minimum ?? (node.exclusiveMinimum === undefined ? 1 : node.exclusiveMinimum + 1);
    case 'boolean':
      return false;
    case 'array':
      return Array.from({ length: node.minItems ?? 0 }, () => validValue(node.items ?? {}, name, known));
    default:
      return Object.fromEntries((node.required ?? []).map((key) => [key, validValue(node.properties?.[key] ?? {}, key, known)]));
  }
}

function matching(schema: JsonSchema): string {
  const arbitrary = fc.stringMatching(new RegExp(schema.pattern ?? '', 'u')).filter((text) => admits(schema, text));
  const [value] = fc.sample(arbitrary, { seed: 42, numRuns: 1 });
  if (value === undefined) throw new Error(`no value fits ${schema.pattern}`);
  return value;
}

/** A copy of `body` with `value` at the slot, the containers on the way made valid where missing. */
export function withValue(body: unknown, slot: Slot, value: unknown, known: KnownValues): unknown {
  const root = structuredClone(body) as Record<string | number, unknown>;
  let container = root;
  slot.path.forEach((key, index) => {
    if (index === slot.path.length - 1) {
      container[key] = value;
      return;
    }
    const step = slot.steps[index] as JsonSchema;
    // A copy: the valid value may be the schema's own example, which later cases must find unchanged.
    container[key] ??= structuredClone(validValue(step, String(key), known));
    const next = container[key] as Record<string | number, unknown>;
    if (Array.isArray(next) && next.length === 0) next.push(validValue(step.items ?? {}, String(key), known));
    container = next;
  });
  return root;
}

/**
 * Whether the value is within what the schema documents, for the leaves the walk meets.
 * Path and query values arrive as text: an integer there must be written in decimal.
 */
export function admits(schema: JsonSchema, value: unknown, asText = false): boolean {
  const node = concrete(schema);
  if (node.enum) return node.enum.includes(value);
  if (isDateSchema(node) && (typeof value !== 'string' || !isCalendarDate(value))) return false;
  switch (node.type) {
    case 'string':
      return typeof value === 'string' && lengthFits(node, value.length) && (node.pattern === undefined || new RegExp(node.pattern, 'u').test(value));
    case 'integer':
    case 'number': {
      const number = asText ? (typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : Number.NaN) : value;
      if (typeof number !== 'number' || !Number.isFinite(number) || (node.type === 'integer' && !Number.isInteger(number))) return false;
      return (node.minimum === undefined || number >= node.minimum) && (node.maximum === undefined || number <= node.maximum) && (node.exclusiveMinimum === undefined || number > node.exclusiveMinimum);
    }
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
      return Array.isArray(value) && (node.minItems === undefined || value.length >= node.minItems) && (node.maxItems === undefined || value.length <= node.maxItems) && value.every((item) => admits(node.items ?? {}, item));
    case 'object':
      return value !== null && typeof value === 'object' && !Array.isArray(value);
    default:
      return true;
  }
}

const lengthFits = (schema: JsonSchema, length: number): boolean =>
  (schema.minLength === undefined || length >= schema.minLength) && (schema.maxLength === undefined || length <= schema.maxLength);

/** A real day of the proleptic Gregorian calendar from year 1, YYYY-MM-DD, with a real time of day if one follows. */
export function isCalendarDate(text: string): boolean {
  const parts = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?Z?)?$/.exec(text);
  if (!parts) return false;
  const [year, month, day, hours = 0, minutes = 0, seconds = 0] = parts.slice(1).filter((part) => part !== undefined).map(Number) as number[];
  if (year === undefined || month === undefined || day === undefined) return false;
  const days = new Date(Date.UTC(2000, month, 0)).getUTCDate() - (month === 2 && !isLeap(year) ? 1 : 0);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= days && hours < 24 && minutes < 60 && seconds < 60;
}

const isLeap = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
