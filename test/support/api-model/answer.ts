/**
 * What the model expects of one answer — accepted with a status, or refused with a code —
 * and the check of a real answer against it: never a 5xx, accepted when the model
 * accepts, and a refusal as problem+json with the predicted code and that code's status.
 */
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { API_PROBLEMS, statusOf, type ApiProblemCode } from '../../../src/api/problem-codes.js';
import type { RejectionCode } from '../../../src/ledger/rejections.js';

/** A code an answer may carry: one of the ledger's refusals or one the HTTP layer gives itself. */
export type Code = RejectionCode | ApiProblemCode;

export type Prediction =
  | { readonly accept: true; readonly status: number }
  | { readonly accept: false; readonly code: Code };

export const accepted = (status = 200): Prediction => ({ accept: true, status });

export const refused = (code: Code): Prediction => ({ accept: false, code });

function statusFor(code: Code): number {
  return code in API_PROBLEMS ? API_PROBLEMS[code as ApiProblemCode].status : statusOf(code as RejectionCode);
}

export function expectAnswer(response: LightMyRequestResponse, prediction: Prediction, what: string): void {
  const said = `${what} → ${response.statusCode} ${response.body.slice(0, 400)}`;
  expect(response.statusCode, `a 5xx: ${said}`).toBeLessThan(500);
  if (prediction.accept) {
    expect(response.statusCode, `expected ${prediction.status}: ${said}`).toBe(prediction.status);
    return;
  }
  expect(response.statusCode, `expected ${prediction.code}: ${said}`).toBeGreaterThanOrEqual(400);
  expect(response.headers['content-type'], said).toMatch(/^application\/problem\+json/);
  expect((response.json() as { code?: string }).code, `expected ${prediction.code}: ${said}`).toBe(prediction.code);
  expect(response.statusCode, `status of ${prediction.code}: ${said}`).toBe(statusFor(prediction.code));
}
