/**
 * What every route answers on success: the OpenAPI document gives each 2xx answer a
 * schema (or, for 204, a description and no body), and every object of those shapes
 * refuses fields it does not name, so the serializer fails an answer that drifts from its
 * shape rather than dropping a field. JSON bodies are checked on the way out, so the other
 * API tests meet any such drift; books and reports stream past the serializer, so here
 * they are read back through their documented shapes for every book and report of the
 * demo funds.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as success from '../../src/api/response-schemas.js';
import { BOOK_IDS } from '../../src/app/reports/get-book.js';
import { REPORT_IDS } from '../../src/app/reports/report-output.js';
import { demoServer, type DemoServer } from '../support/demo-server.js';
import type { JsonSchema } from '../support/openapi-routes.js';

interface Response {
  readonly description: string;
  readonly content?: Readonly<Record<string, { readonly schema?: JsonSchema }>>;
}

interface Document {
  readonly paths: Readonly<Record<string, Readonly<Record<string, { readonly responses: Readonly<Record<string, Response>> }>>>>;
}

let server: DemoServer;
let app: FastifyInstance;
let doc: Document;
let authorization: string;

beforeAll(async () => {
  server = await demoServer();
  ({ app, authorization } = server);
  doc = (await app.inject({ method: 'GET', url: '/docs/json' })).json() as Document;
});

afterAll(() => server.close());

const get = async (url: string): Promise<unknown> => {
  const response = await app.inject({ method: 'GET', url, headers: { authorization } });
  expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
  return response.json();
};

/** Every operation of the document with its 2xx answers. */
function successes(): { name: string; answers: [string, Response][] }[] {
  return Object.entries(doc.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]) => ({
      name: `${method.toUpperCase()} ${path}`,
      answers: Object.entries(operation.responses).filter(([status]) => status.startsWith('2')),
    })),
  );
}

/** Every object within a success shape, by its path, and whether it refuses fields it does not name. */
function objectsIn(schema: unknown, path: string): { path: string; strict: boolean }[] {
  if (schema instanceof z.ZodObject) {
    const own = { path, strict: schema.def.catchall instanceof z.ZodNever };
    return [own, ...Object.entries(schema.shape as Record<string, unknown>).flatMap(([key, child]) => objectsIn(child, `${path}.${key}`))];
  }
  if (schema instanceof z.ZodArray) return objectsIn(schema.element, `${path}[]`);
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable || schema instanceof z.ZodReadonly) return objectsIn(schema.def.innerType, path);
  if (schema instanceof z.ZodUnion) return schema.options.flatMap((option: unknown, i: number) => objectsIn(option, `${path}|${i}`));
  if (schema instanceof z.ZodRecord) return objectsIn(schema.def.valueType, `${path}{}`);
  return [];
}

/** The zod schemas of a success shape: the shape itself, or a file answer's per media type. */
function schemasOf(name: string, shape: unknown): [string, unknown][] {
  if (shape instanceof z.ZodType) return [[name, shape]];
  const { content } = shape as { content: Record<string, { schema: unknown }> };
  return Object.entries(content).map(([type, { schema }]) => [`${name} ${type}`, schema]);
}

describe('success answers in the OpenAPI document', () => {
  it('gives every operation a 2xx answer with a schema for each media type, or for 204 a description and no body', () => {
    const operations = successes();
    expect(operations.length).toBeGreaterThan(50);
    const undocumented = operations.flatMap(({ name, answers }) => {
      if (answers.length === 0) return [`${name}: no 2xx answer`];
      return answers.flatMap(([status, answer]) => {
        if (status === '204') return answer.content === undefined && answer.description !== 'Default Response' ? [] : [`${name} ${status}: not an empty body described`];
        const media = Object.entries(answer.content ?? {});
        if (media.length === 0) return [`${name} ${status}: no content`];
        return media.filter(([, { schema }]) => !schema || (schema.type === undefined && schema.$ref === undefined && schema.anyOf === undefined)).map(([type]) => `${name} ${status} ${type}: no schema`);
      });
    });
    expect(undocumented).toEqual([]);
  });

  it('documents the files of books and reports by their media types', () => {
    const media = (path: string) => Object.keys(doc.paths[path]?.get?.responses['200']?.content ?? {});
    const sheets = ['application/json', 'application/pdf', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv'];
    expect(media('/api/entities/{entity}/reports/{report}')).toEqual(sheets);
    expect(media('/api/entities/{entity}/books/{book}')).toEqual([...sheets, 'text/plain']);
    expect(media('/api/entities/{entity}/vouchers/{id}/pdf')).toEqual(['application/pdf']);
    expect(media('/api/entities/{entity}/vouchers.pdf')).toEqual(['application/pdf']);
  });
});

describe('success shapes', () => {
  it('has every object of every success shape refuse the fields it does not name, so the serializer never drops one', () => {
    const objects = Object.entries(success).flatMap(([name, shape]) => schemasOf(name, shape)).flatMap(([name, schema]) => objectsIn(schema, name));
    expect(objects.length).toBeGreaterThan(100);
    expect(objects.filter((object) => !object.strict).map((object) => object.path)).toEqual([]);
  });
});

describe('books and reports streamed as JSON', () => {
  it('reads every report of both demo funds, alone and consolidated, back through its documented shape', async () => {
    let reconciled = 0;
    for (const fund of ['TVH-VNN', 'HTH-VNN']) {
      for (const report of REPORT_IDS) {
        for (const consolidated of [false, true]) {
          const body = await get(`/api/entities/${fund}/reports/${report}?period=2024&consolidated=${consolidated}`);
          const parsed = success.reportJson.safeParse(body);
          expect(parsed.error?.issues, `${fund} ${report} consolidated=${consolidated}`).toBeUndefined();
          if ((body as { reconciliation?: unknown }).reconciliation) reconciled += 1;
        }
      }
    }
    expect(reconciled).toBeGreaterThan(0);
  });

  it('reads every book of both demo funds back through its documented shape, each with lines to check', async () => {
    // The demo has no designated money: one receipt in the open year gives its book a line.
    const designated = await app.inject({
      method: 'POST',
      url: '/api/entities/HTH-VNN/entries',
      headers: { authorization },
      payload: { date: '2025-01-10', description: 'Thu ủng hộ xây nhà', lines: [{ account: '1111', debit: '1000000' }, { account: '5111', credit: '1000000', designation: 'Xây nhà Đại đoàn kết' }] },
    });
    expect(designated.statusCode, designated.body).toBe(201);
    const withLines = new Set<string>();
    for (const fund of ['TVH-VNN', 'HTH-VNN']) {
      const { counterparties } = (await get(`/api/entities/${fund}/counterparties`)) as { counterparties: { id: number }[] };
      const campaigns = (await get(`/api/entities/${fund}/campaigns`)) as { code: string }[];
      const subjects: Partial<Record<(typeof BOOK_IDS)[number], string | undefined>> = {
        ledger: 'account=1121',
        counterparty: `counterparty=${counterparties[0]?.id}`,
        campaign: campaigns[0] && `campaign=${campaigns[0].code}`,
        designation: `designation=${encodeURIComponent('Xây nhà Đại đoàn kết')}`,
      };
      for (const book of BOOK_IDS) {
        if (book in subjects && subjects[book] === undefined) continue;
        const body = await get(`/api/entities/${fund}/books/${book}?from=2024-01-01&to=2025-12-31${subjects[book] ? `&${subjects[book]}` : ''}`);
        const parsed = success.bookJson.safeParse(body);
        expect(parsed.error?.issues, `${fund} ${book}`).toBeUndefined();
        if ((body as { lines: unknown[] }).lines.length > 0) withLines.add(book);
      }
    }
    expect([...withLines].sort()).toEqual([...BOOK_IDS].sort());
  });
});
