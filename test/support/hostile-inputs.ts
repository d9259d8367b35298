/**
 * Hostile requests for every documented route, made from the route's own schemas: each
 * kind of hostile input (deep nesting, sheer size, prototype keys, broken Unicode, control
 * and bidirectional characters, impossible dates, extreme numbers, wrong content types,
 * bad URLs) is put into the route's body fields, query string, path parameters and
 * headers, one place at a time, the rest of the request staying valid so that the answer
 * speaks of that place. Each case says what a correct answer is: whether it must be a
 * refusal, with which statuses, naming which field.
 *
 * The full cross product is too large to send; a fixed seed picks a sample per route and
 * kind, so runs repeat exactly and a route added to the server changes no other's sample.
 */
import fc from 'fast-check';
import {
  admits,
  concrete,
  isDateSchema,
  isIntegerSchema,
  isNumericText,
  routeName,
  slotsOf,
  validValue,
  withValue,
  type DocumentedRoute,
  type JsonSchema,
  type KnownValues,
  type Location,
  type RouteParameter,
  type Slot,
} from './openapi-routes.js';

export const HOSTILE_KINDS = [
  'depth', 'size', 'prototype-key', 'broken-unicode', 'control-or-bidi', 'impossible-date', 'extreme-number', 'content-type', 'bad-url',
] as const;

export type HostileKind = (typeof HOSTILE_KINDS)[number];

export interface HostileRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly payload?: string | Buffer;
}

/** What a correct answer to a case is. */
export interface Expectation {
  /** The answer must not be 2xx; otherwise a 2xx is allowed (the input is ordinary there). */
  readonly refused: boolean;
  /** The statuses a refusal may carry; any 4xx when absent. */
  readonly statuses?: readonly number[];
  /** The fields a 400 may name; with `within`, also any field at or under that one. Any field when both are absent. */
  readonly fields?: readonly string[];
  readonly within?: string;
  /** The fault is in no one field (malformed HTTP): a 400 need not name one. */
  readonly unnamed?: boolean;
}

export interface HostileCase extends Expectation {
  readonly route: string;
  readonly kind: HostileKind;
  readonly label: string;
  /** Built when sent, so that the megabytes of one case are not all held at once. */
  readonly request: () => HostileRequest;
}

export interface HostileFixture {
  /** Good values by field or parameter name: what the path parameters point at, codes the store holds. */
  readonly known: KnownValues;
  /** Whole bodies by route name, where the schema alone cannot say what passes validation. */
  readonly bodies: Readonly<Record<string, unknown>>;
  /** Optional query parameters the valid request gives wherever a route documents them (a report's dates). */
  readonly query: readonly string[];
  readonly bodyLimit: number;
}

/** Whether a 400's field is one the case allows. */
export function namesExpectedField(expectation: Expectation, field: string): boolean {
  if (expectation.fields === undefined && expectation.within === undefined) return true;
  if (expectation.fields?.includes(field)) return true;
  return expectation.within !== undefined && (field === expectation.within || field.startsWith(`${expectation.within}.`));
}

// ---------------------------------------------------------------------------------------
// The hostile values.

const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty'];
const LONE_SURROGATES = ['a\ud800b', '\udc00', 'x\udfff\ud800y', 'end\ud83d'];
const CONTROLS = ['a\u0000b', 'bell\u0007', 'x\u001b[31m', '\u202eevil', 'a\u2066b\u2069'];
const IMPOSSIBLE_DATES = ['2025-02-30', '2025-04-31', '2025-02-29', '0000-01-01', '9999-99-99', '2025-1-1'];
const IMPOSSIBLE_TIMES = ['2025-02-30T00:00:00Z', '2025-01-01T25:61:00Z'];
const IMPOSSIBLE_PERIODS = ['2025-13', '2025-00', '2025-Q5', '2025-H3', '0000', '9999-99', '2025-1', '2025-02-30'];
const IMPOSSIBLE_CALENDAR_NUMBERS = ['0', '-1', '13', '99999'];
const EXTREME_NUMBER_TEXT = [
  '9223372036854775807', '9223372036854775808', '999999999999999999', '1e308', '-0', '0.0000001', 'NaN', 'Infinity', '-1', '0x1F', '1_000', ' 1', '１２３',
];
/** JSON number literals, written into the body as they stand. */
const EXTREME_JSON_NUMBERS = ['1e308', '1e400', '-0', '9223372036854775808', '1.5', '-1'];
const EXTREME_INTEGER_TEXT = ['9223372036854775807', '9223372036854775808', '99999999999999999999999', '-1', '-0', '0', '1.5', 'NaN', 'Infinity', '1e308', '0x1'];
/** The largest amount the schemas admit: twenty of them add up past 2^63. */
const LARGEST_AMOUNT = '999999999999999999';
const BAD_ENCODINGS = ['%E0%A4%A', '%', '%ZZ', '%C0%AF'];
const NESTED = 4096;
const MEGABYTE = 1 << 20;
const ONE_MEGABYTE = 'x'.repeat(MEGABYTE);
const MANY = 100_000;

const nestedArrays = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth);
const nestedObjects = (depth: number): string => '{"a":'.repeat(depth) + '0' + '}'.repeat(depth);

/** JSON text (in a body) or URL text (in a path or query), sent exactly as written. */
class Raw {
  constructor(readonly text: string) {}
}

/** Percent-encoding of any string, a lone surrogate as the three bytes WTF-8 gives it. */
export function encodeText(text: string): string {
  if (text.isWellFormed()) return encodeURIComponent(text);
  let encoded = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    encoded += code >= 0xd800 && code <= 0xdfff
      ? [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)].map((byte) => `%${byte.toString(16).toUpperCase()}`).join('')
      : encodeURIComponent(char);
  }
  return encoded;
}

// ---------------------------------------------------------------------------------------
// Requests as parts: a case changes one part of the route's valid base request.

interface Parts {
  /** Path parameters, percent-encoded. */
  readonly params: Readonly<Record<string, string>>;
  /** Query pairs, percent-encoded. */
  readonly query: readonly (readonly [string, string])[];
  readonly headers: Readonly<Record<string, string>>;
  readonly payload?: string | Buffer;
  /** Written straight after the path, before the query. */
  readonly pathSuffix?: string;
}

interface Context {
  readonly route: DocumentedRoute;
  readonly fixture: HostileFixture;
  readonly base: Parts;
  readonly body: unknown;
  readonly slots: readonly Slot[];
}

type Place = { readonly at: 'body'; readonly slot: Slot } | { readonly at: Location; readonly parameter: RouteParameter };

const CONTEXTS: Readonly<Record<Location, string>> = { path: 'params', query: 'querystring', header: 'headers' };

const fieldOf = (place: Place): string => (place.at === 'body' ? ['body', ...place.slot.path].join('.') : `${CONTEXTS[place.at]}.${place.parameter.name}`);
const schemaOf = (place: Place): JsonSchema => (place.at === 'body' ? place.slot.schema : place.parameter.schema);
const nameOf = (place: Place): string => (place.at === 'body' ? place.slot.name : place.parameter.name);

const isJsonBody = (route: DocumentedRoute): boolean => route.body?.contentType.includes('json') ?? false;
const serialise = (route: DocumentedRoute, body: unknown): string => (isJsonBody(route) ? JSON.stringify(body) : String(body));

function baseOf(route: DocumentedRoute, fixture: HostileFixture): Context {
  const text = (parameter: RouteParameter) => encodeURIComponent(String(validValue(parameter.schema, parameter.name, fixture.known)));
  const body = route.body && (fixture.bodies[routeName(route)] ?? validValue(route.body.schema, 'body', fixture.known));
  const base: Parts = {
    params: Object.fromEntries(route.parameters.filter((p) => p.in === 'path').map((p) => [p.name, text(p)])),
    query: route.parameters.filter((p) => p.in === 'query' && (p.required || fixture.query.includes(p.name))).map((p) => [p.name, text(p)] as const),
    headers: route.body ? { 'content-type': route.body.contentType } : {},
    ...(route.body && { payload: serialise(route, body) }),
  };
  return { route, fixture, base, body, slots: route.body ? slotsOf(route.body.schema) : [] };
}

function toRequest(route: DocumentedRoute, parts: Parts): HostileRequest {
  const path = route.path.replace(/\{([^}]+)\}/g, (_, name: string) => parts.params[name] ?? '') + (parts.pathSuffix ?? '');
  const search = parts.query.map(([name, value]) => `${name}=${value}`).join('&');
  return { method: route.method, url: search ? `${path}?${search}` : path, headers: parts.headers, ...(parts.payload !== undefined && { payload: parts.payload }) };
}

/** The route's valid request, every hostile case's starting point. */
export function baseRequest(route: DocumentedRoute, fixture: HostileFixture): HostileRequest {
  return toRequest(route, baseOf(route, fixture).base);
}

const valueAt = (body: unknown, path: readonly (string | number)[]): unknown =>
  path.reduce<unknown>((node, step) => (node as Record<string | number, unknown> | undefined)?.[step], body);

const MARKER = 'hostile-input-marker';

function bodyText(context: Context, slot: Slot, value: unknown): string {
  const { fixture, body, route } = context;
  if (!(value instanceof Raw)) return serialise(route, withValue(body, slot, value, fixture.known));
  return JSON.stringify(withValue(body, slot, MARKER, fixture.known)).replace(`"${MARKER}"`, () => value.text);
}

function put(context: Context, place: Place, value: unknown): Parts {
  const { base } = context;
  const text = value instanceof Raw ? value.text : encodeText(String(value));
  switch (place.at) {
    case 'body':
      return { ...base, payload: bodyText(context, place.slot, value) };
    case 'path':
      return { ...base, params: { ...base.params, [place.parameter.name]: text } };
    case 'query':
      return { ...base, query: [...base.query.filter(([name]) => name !== place.parameter.name), [place.parameter.name, text]] };
    case 'header':
      return { ...base, headers: { ...base.headers, [place.parameter.name]: String(value) } };
  }
}

// ---------------------------------------------------------------------------------------
// Candidates: every case a kind could send to a route, grouped by the place they strike.

interface Candidate {
  readonly group: string;
  readonly label: string;
  /** Built only if the sample keeps the candidate: some are megabytes long. */
  readonly parts: () => Parts;
  readonly expect: Expectation;
  /** Sent whatever the sample draws. */
  readonly always?: boolean;
}

const anyAnswer: Expectation = { refused: false };

/** Refused with 400 naming the place; a path parameter may also be refused as an unknown thing. */
function refusedAt(place: Place, more: Partial<Expectation> = {}): Expectation {
  return { refused: true, statuses: place.at === 'path' ? [400, 404] : [400], fields: [fieldOf(place)], ...more };
}

/** Refused naming the place when the documented schema excludes the value, otherwise any answer. */
function bySchema(place: Place, value: unknown): Expectation {
  const plain = value instanceof Raw ? JSON.parse(value.text) as unknown : value;
  return admits(schemaOf(place), plain, place.at !== 'body') ? anyAnswer : refusedAt(place);
}

const show = (value: unknown): string => (value instanceof Raw ? value.text : JSON.stringify(value));

function at(context: Context, place: Place, value: unknown, expect: Expectation, label = show(value), always = false): Candidate {
  return { group: fieldOf(place), label: `${fieldOf(place)} = ${label}`, parts: () => put(context, place, value), expect, always };
}

const bodyPlaces = (context: Context, keep: (schema: JsonSchema) => boolean): Place[] =>
  context.slots.filter((slot) => keep(slot.schema)).map((slot) => ({ at: 'body', slot }));

const parameterPlaces = (context: Context, where: readonly Location[], keep: (schema: JsonSchema) => boolean = () => true): Place[] =>
  context.route.parameters.filter((p) => where.includes(p.in) && keep(p.schema)).map((parameter) => ({ at: parameter.in, parameter }));

const isText = (schema: JsonSchema): boolean => schema.type === 'string';

/** Fields whose values name something from a fixed vocabulary: a prototype word there is never a match. */
const FIXED_VOCABULARY = new Set(['purpose', 'level', 'regime', 'currency', 'role', 'period', 'report', 'book', 'type', 'status', 'direction', 'form']);

/** Fields whose values the server may look up by key: every prototype word goes into each of them. */
const LOOKUP_KEYS = new Set([
  ...FIXED_VOCABULARY, 'unit', 'account', 'accountCode', 'parent', 'code', 'campaign', 'bankAccount', 'fromBankAccount', 'toBankAccount',
  'entity', 'from', 'to', 'user', 'designation', 'kind',
]);

function bearer(context: Context, token: string, label: string): Candidate {
  return {
    group: 'headers.authorization',
    label: `headers.authorization = ${label}`,
    parts: () => ({ ...context.base, headers: { ...context.base.headers, authorization: token } }),
    expect: context.route.public ? anyAnswer : { refused: true, statuses: [400, 401] },
  };
}

function withPayload(context: Context, payload: string | Buffer, contentType: string | null): Parts {
  const { 'content-type': _, ...headers } = context.base.headers;
  return { ...context.base, headers: contentType === null ? headers : { ...headers, 'content-type': contentType }, payload };
}

/** An undocumented query parameter, for a route that has nowhere else to put a kind of input. */
function unknownParameter(context: Context, name: string, value: string): Candidate {
  const hasQuery = context.route.parameters.some((p) => p.in === 'query');
  return {
    group: `querystring.${name}`,
    label: `undocumented querystring.${name} = ${JSON.stringify(value.slice(0, 40))}`,
    parts: () => ({ ...context.base, query: [...context.base.query, [encodeText(name), encodeText(value)]] }),
    expect: hasQuery ? { refused: true, statuses: [400], within: 'querystring' } : anyAnswer,
  };
}

function depth(context: Context): Candidate[] {
  const candidates: Candidate[] = [];
  if (isJsonBody(context.route)) {
    const deepest = Math.floor(context.fixture.bodyLimit / 2) - 1;
    const bodies: [string, () => string][] = [
      [`arrays ${NESTED} deep`, () => nestedArrays(NESTED)],
      [`objects ${NESTED} deep`, () => nestedObjects(NESTED)],
      ['8 KB of "["', () => '['.repeat(8192)],
      ['objects 100,000 deep', () => nestedObjects(100_000)],
      [`arrays ${deepest} deep, as deep as the body limit allows`, () => nestedArrays(deepest)],
    ];
    for (const [label, payload] of bodies) {
      candidates.push({ group: 'body', label: `body = ${label}`, parts: () => ({ ...context.base, payload: payload() }), expect: { refused: true, statuses: [400], fields: ['body'] }, always: true });
    }
    for (const place of bodyPlaces(context, () => true)) {
      candidates.push(at(context, place, new Raw(nestedArrays(NESTED)), { refused: true, statuses: [400], fields: ['body'], within: fieldOf(place) }, `arrays ${NESTED} deep`));
    }
  }
  for (const place of parameterPlaces(context, ['path', 'query', 'header'])) {
    const value = '['.repeat(8192);
    const expect = place.at === 'path' ? { refused: true, statuses: [400, 404, 414], fields: [fieldOf(place), 'params', 'url'] } : bySchema(place, value);
    candidates.push(at(context, place, value, expect, '8 KB of "["'));
  }
  return candidates;
}

function size(context: Context): Candidate[] {
  const { route, fixture, base } = context;
  const candidates: Candidate[] = [];
  if (route.body && typeof base.payload === 'string') {
    const payload = base.payload;
    candidates.push({ group: 'body', label: `body of ${fixture.bodyLimit + 1} bytes, one over the limit`, parts: () => ({ ...base, payload: payload.padEnd(fixture.bodyLimit + 1, ' ') }), expect: { refused: true, statuses: [413] }, always: true });
  }
  for (const place of bodyPlaces(context, isText)) candidates.push(at(context, place, ONE_MEGABYTE, bySchema(place, ONE_MEGABYTE), '1 MB of "x"'));
  for (const place of bodyPlaces(context, (schema) => schema.type === 'array')) {
    const schema = schemaOf(place);
    const item = validValue(schema.items ?? {}, nameOf(place), fixture.known);
    const expect: Expectation = (schema.maxItems ?? Infinity) >= MANY ? anyAnswer : { refused: true, statuses: [400], within: fieldOf(place) };
    const element = JSON.stringify(item).length * MANY > fixture.bodyLimit * 0.8 ? 0 : item;
    candidates.push({ ...at(context, place, null, expect, `${MANY} elements`, true), parts: () => put(context, place, Array.from({ length: MANY }, () => element)) });
  }
  for (const place of parameterPlaces(context, ['path', 'query', 'header'])) {
    const expect = place.at === 'path' ? { refused: true, statuses: [400, 404, 414], fields: [fieldOf(place), 'params', 'url'] } : bySchema(place, ONE_MEGABYTE);
    candidates.push(at(context, place, ONE_MEGABYTE, expect, '1 MB of "x"'));
  }
  for (const place of parameterPlaces(context, ['query'])) {
    const value = encodeURIComponent(String(validValue(schemaOf(place), nameOf(place), fixture.known)));
    const repeated = (): Parts => ({ ...base, query: [...base.query.filter(([name]) => name !== nameOf(place)), ...Array.from({ length: 1000 }, () => [nameOf(place), value] as const)] });
    candidates.push({ group: `${fieldOf(place)}[]`, label: `${fieldOf(place)} given 1,000 times`, parts: repeated, expect: refusedAt(place, { within: fieldOf(place) }) });
  }
  const many = Array.from({ length: 1000 }, (_, index) => `p${index}`);
  candidates.push({ ...unknownParameter(context, 'p', '1'), group: 'querystring', label: '1,000 undocumented query parameters', parts: () => ({ ...base, query: [...base.query, ...many.map((name) => [name, '1'] as const)] }) });
  candidates.push(bearer(context, `Bearer ${'A'.repeat(MEGABYTE)}`, 'a 1 MB token'));
  return candidates;
}

function withKey(context: Context, slot: Slot | null, key: string): Candidate {
  const { body, fixture } = context;
  const current = slot === null ? body : valueAt(body, slot.path) ?? validValue(slot.schema, slot.name, fixture.known);
  const inner = JSON.stringify(current);
  const value = key === '__proto__' || key === 'constructor' ? '{"prototype":{"polluted":true}}' : '"polluted"';
  const text = `{${JSON.stringify(key)}:${value}${inner === '{}' ? '' : `,${inner.slice(1, -1)}`}}`;
  const schema = slot === null ? context.route.body?.schema ?? {} : slot.schema;
  const closed = concrete(schema).additionalProperties === false || concrete(schema).propertyNames !== undefined;
  const field = slot === null ? 'body' : fieldOf({ at: 'body', slot });
  const expect: Expectation = key === '__proto__' || key === 'constructor' || closed ? { refused: true, statuses: [400], fields: ['body'], within: field } : anyAnswer;
  const parts = () => (slot === null ? { ...context.base, payload: text } : put(context, { at: 'body', slot }, new Raw(text)));
  return { group: `${field}{}`, label: `${field} with the key ${JSON.stringify(key)}`, parts, expect, always: slot === null };
}

function prototypeKey(context: Context): Candidate[] {
  const { route, base } = context;
  const candidates: Candidate[] = [];
  if (isJsonBody(route) && concrete(route.body?.schema ?? {}).type === 'object') {
    for (const key of PROTOTYPE_KEYS) candidates.push(withKey(context, null, key));
    for (const slot of context.slots.filter((s) => s.schema.type === 'object')) for (const key of PROTOTYPE_KEYS) candidates.push(withKey(context, slot, key));
  }
  for (const place of [...bodyPlaces(context, isText), ...parameterPlaces(context, ['path', 'query', 'header'], isText)]) {
    const vocabulary = FIXED_VOCABULARY.has(nameOf(place)) && !(route.method === 'GET' && place.at === 'query' && nameOf(place) !== 'period');
    for (const key of PROTOTYPE_KEYS) {
      const expect = bySchema(place, key);
      candidates.push(at(context, place, key, expect.refused || !vocabulary ? expect : { refused: true, fields: [fieldOf(place)] }, show(key), LOOKUP_KEYS.has(nameOf(place))));
    }
  }
  for (const key of [...PROTOTYPE_KEYS, '__proto__[polluted]']) candidates.push({ ...unknownParameter(context, key, '1'), group: 'querystring{}' });
  if (route.method === 'GET') {
    candidates.push({ group: 'headers{}', label: 'headers named __proto__, constructor and hasOwnProperty', parts: () => ({ ...base, headers: { ...base.headers, ['__proto__']: 'x', constructor: 'y', hasOwnProperty: 'z' } }), expect: anyAnswer });
  }
  for (const token of ['__proto__', 'constructor', 'flt_constructor_toString']) candidates.push(bearer(context, `Bearer ${token}`, JSON.stringify(token)));
  return candidates;
}

function textRefusals(context: Context, values: readonly string[]): Candidate[] {
  const candidates: Candidate[] = [];
  for (const place of bodyPlaces(context, isText)) for (const value of values) candidates.push(at(context, place, value, refusedAt(place)));
  for (const place of parameterPlaces(context, ['path', 'query', 'header'])) {
    const fields = [fieldOf(place), 'url', ...(place.at === 'query' ? ['querystring'] : [])];
    for (const value of values) candidates.push(at(context, place, value, refusedAt(place, { fields })));
  }
  for (const value of values) candidates.push(bearer(context, `Bearer flt_${value}`, JSON.stringify(value)));
  return candidates;
}

function brokenUnicode(context: Context): Candidate[] {
  const candidates = textRefusals(context, LONE_SURROGATES);
  const textSlots = isJsonBody(context.route) ? context.slots.filter((slot) => isText(slot.schema)) : [];
  for (const slot of textSlots) {
    const place: Place = { at: 'body', slot };
    const payload = (): Buffer => {
      const [before, after] = bodyText(context, slot, MARKER).split(MARKER) as [string, string];
      return Buffer.concat([Buffer.from(before), Buffer.from('a'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('b'), Buffer.from(after)]);
    };
    candidates.push({ group: `${fieldOf(place)}#bytes`, label: `${fieldOf(place)} holding the invalid UTF-8 bytes FF FE C3`, parts: () => ({ ...context.base, payload: payload() }), expect: refusedAt(place, { fields: [fieldOf(place), 'body'] }) });
  }
  for (const place of parameterPlaces(context, ['query'])) {
    candidates.push(at(context, place, new Raw('a%FF%FEb'), refusedAt(place, { fields: [fieldOf(place), 'url', 'querystring'] }), 'the invalid UTF-8 bytes %FF%FE'));
  }
  return candidates;
}

function controlOrBidi(context: Context): Candidate[] {
  return textRefusals(context, CONTROLS);
}

function impossibleDate(context: Context): Candidate[] {
  const candidates: Candidate[] = [];
  for (const place of [...bodyPlaces(context, isDateSchema), ...parameterPlaces(context, ['query'], isDateSchema)]) {
    const values = schemaOf(place).pattern?.includes('T') ? [...IMPOSSIBLE_DATES, ...IMPOSSIBLE_TIMES] : IMPOSSIBLE_DATES;
    for (const value of values) candidates.push(at(context, place, value, refusedAt(place), show(value), true));
  }
  for (const place of parameterPlaces(context, ['query'], (schema) => schema.type === 'string').filter((p) => nameOf(p) === 'period')) {
    for (const value of IMPOSSIBLE_PERIODS) candidates.push(at(context, place, value, refusedAt(place), show(value), true));
  }
  const calendarNumbers = [...bodyPlaces(context, isIntegerSchema), ...parameterPlaces(context, ['path', 'query'], isIntegerSchema)].filter((p) => /^(year|month|firstYear)$/.test(nameOf(p)));
  for (const place of calendarNumbers) {
    for (const text of IMPOSSIBLE_CALENDAR_NUMBERS) {
      const value = place.at === 'body' ? Number(text) : text;
      candidates.push(at(context, place, value, bySchema(place, value), show(value), true));
    }
  }
  return candidates;
}

/** Twenty largest amounts in the array whose element is `slot`: each is admitted, their sum is not a 64-bit integer. */
function sumOverflow(context: Context, slot: Slot): Candidate | null {
  const item = slot.schema;
  const properties = Object.keys(item.properties ?? {});
  const existing = (valueAt(context.body, slot.path.slice(0, -1)) as Record<string, unknown>[] | undefined) ?? [];
  const model = (index: number) => existing[index] ?? (validValue(item, slot.name, context.fixture.known) as Record<string, unknown>);
  const strip = ({ debit: _d, credit: _c, ...rest }: Record<string, unknown>) => rest;
  let items: Record<string, unknown>[];
  if (properties.includes('debit') && properties.includes('credit')) {
    items = [...Array.from({ length: 10 }, () => ({ ...strip(model(0)), debit: LARGEST_AMOUNT })), ...Array.from({ length: 10 }, () => ({ ...strip(model(1)), credit: LARGEST_AMOUNT }))];
  } else {
    const amountField = ['amount', 'value'].find((name) => properties.includes(name));
    if (amountField === undefined) return null;
    items = Array.from({ length: 20 }, () => ({ ...model(0), [amountField]: LARGEST_AMOUNT }));
  }
  const place: Place = { at: 'body', slot: { ...slot, path: slot.path.slice(0, -1), steps: slot.steps.slice(0, -1), schema: slot.steps.at(-2) ?? {} } };
  return { ...at(context, place, items, { refused: true, within: fieldOf(place) }, `20 amounts of ${LARGEST_AMOUNT}, summing past 2^63`), always: true };
}

function extremeNumber(context: Context): Candidate[] {
  const candidates: Candidate[] = [];
  for (const place of [...bodyPlaces(context, isNumericText), ...parameterPlaces(context, ['query'], isNumericText)]) {
    for (const value of EXTREME_NUMBER_TEXT) candidates.push(at(context, place, value, bySchema(place, value)));
  }
  for (const place of bodyPlaces(context, (schema) => isNumericText(schema) || isIntegerSchema(schema))) {
    for (const text of EXTREME_JSON_NUMBERS) candidates.push(at(context, place, new Raw(text), bySchema(place, new Raw(text)), `the JSON number ${text}`));
  }
  for (const place of parameterPlaces(context, ['path', 'query'], isIntegerSchema)) {
    for (const value of EXTREME_INTEGER_TEXT) candidates.push(at(context, place, value, bySchema(place, value)));
  }
  for (const slot of context.slots.filter((s) => s.schema.type === 'object' && s.path.at(-1) === 0)) {
    const overflow = sumOverflow(context, slot);
    if (overflow) candidates.push(overflow);
  }
  return candidates;
}

function contentType(context: Context): Candidate[] {
  const { route, base } = context;
  if (!route.body) {
    return [
      { group: 'body', label: 'a JSON body the route does not take', parts: () => withPayload(context, '{"polluted":true}', 'application/json'), expect: anyAnswer },
      { group: 'body', label: 'a text/plain body the route does not take', parts: () => withPayload(context, 'hello', 'text/plain'), expect: anyAnswer },
    ];
  }
  const text = typeof base.payload === 'string' ? base.payload : '';
  const textual = concrete(route.body.schema).type === 'string';
  const wrong: [string | null, string, Expectation][] = [
    ['text/plain', text, textual ? { refused: true } : { refused: true, statuses: [400, 415], fields: ['headers.content-type'], within: 'body' }],
    ['application/xml', '<entry><date>2024-03-15</date></entry>', { refused: true, statuses: [415] }],
    ['multipart/form-data; boundary=hostile', '--hostile\r\nContent-Disposition: form-data; name="date"\r\n\r\n2024-03-15\r\n--hostile--\r\n', { refused: true, statuses: [415] }],
    ['application/x-www-form-urlencoded', 'date=2024-03-15', { refused: true, statuses: [415] }],
    [null, text, { refused: true, statuses: [400, 415], fields: ['headers.content-type'], within: 'body' }],
  ];
  return wrong.map(([type, payload, expect]) => ({ group: 'content-type', label: `${type ?? 'no content type'} with a body`, parts: () => withPayload(context, payload, type), expect, always: true }));
}

function badUrl(context: Context): Candidate[] {
  const { route, base } = context;
  const candidates: Candidate[] = [];
  for (const place of parameterPlaces(context, ['path'])) {
    for (const text of BAD_ENCODINGS) candidates.push(at(context, place, new Raw(text), refusedAt(place, { fields: [fieldOf(place), 'url'] })));
    candidates.push(at(context, place, new Raw('..%2F..%2Fhealth'), refusedAt(place, { fields: [fieldOf(place), 'url'] })));
    candidates.push(at(context, place, 'A'.repeat(201), { refused: true, statuses: [400, 404, 414], fields: [fieldOf(place), 'params', 'url'] }, '201 × "A"'));
  }
  for (const place of parameterPlaces(context, ['query'])) {
    for (const text of BAD_ENCODINGS) candidates.push(at(context, place, new Raw(text), refusedAt(place, { fields: [fieldOf(place), 'url', 'querystring'] })));
  }
  if (!route.parameters.some((p) => p.in === 'path')) {
    for (const text of BAD_ENCODINGS) {
      candidates.push({ group: 'path', label: `path ${route.path}${text}`, parts: () => ({ ...base, pathSuffix: text }), expect: { refused: true, statuses: [400, 404], fields: ['url'] } });
    }
  }
  return candidates;
}

const GENERATORS: Readonly<Record<HostileKind, (context: Context) => Candidate[]>> = {
  depth, size, 'prototype-key': prototypeKey, 'broken-unicode': brokenUnicode, 'control-or-bidi': controlOrBidi,
  'impossible-date': impossibleDate, 'extreme-number': extremeNumber, 'content-type': contentType, 'bad-url': badUrl,
};

/** Stand-ins for a kind that finds no place of its own in a route. */
const FALLBACK: Readonly<Partial<Record<HostileKind, string>>> = {
  depth: '['.repeat(8192), 'impossible-date': '2025-02-30', 'extreme-number': '9223372036854775808',
};

// ---------------------------------------------------------------------------------------
// Sampling.

/** How many places a kind strikes per route, and how many of its values each place gets. */
const SAMPLE = { places: 6, valuesPerPlace: 2 };

function seedOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  return hash >>> 0;
}

function pick<T>(items: readonly T[], count: number, seed: number): T[] {
  if (items.length <= count) return [...items];
  return fc.sample(fc.shuffledSubarray([...items], { minLength: count, maxLength: count }), { seed, numRuns: 1 })[0] ?? [];
}

function sample(candidates: readonly Candidate[], seed: number): Candidate[] {
  const groups = new Map<string, Candidate[]>();
  for (const candidate of candidates.filter((c) => !c.always)) groups.set(candidate.group, [...(groups.get(candidate.group) ?? []), candidate]);
  const chosen = pick([...groups.keys()], SAMPLE.places, seed);
  return [...candidates.filter((c) => c.always), ...chosen.flatMap((group, index) => pick(groups.get(group) ?? [], SAMPLE.valuesPerPlace, seed + index + 1))];
}

/** The sampled hostile cases of one route, every kind represented. */
export function hostileCases(route: DocumentedRoute, fixture: HostileFixture): HostileCase[] {
  const context = baseOf(route, fixture);
  return HOSTILE_KINDS.flatMap((kind) => {
    const candidates = GENERATORS[kind](context);
    const fallback = FALLBACK[kind];
    const chosen = candidates.length > 0 ? sample(candidates, seedOf(`${routeName(route)} ${kind}`)) : fallback === undefined ? [] : [unknownParameter(context, 'x', fallback)];
    return chosen.map(({ label, parts, expect }) => ({ route: routeName(route), kind, label, request: () => toRequest(route, parts()), ...expect }));
  });
}
