/** Opening a fiscal year through the API: the year comes as a JSON number in the body. */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { apiWorld, type ApiWorld } from '../support/api-fixture.js';

let world: ApiWorld;
beforeEach(async () => {
  world = await apiWorld();
});
afterEach(() => world.close());

it('opens the next year named by a JSON number, with its twelve open months', async () => {
  const opened = await world.call('c1Approver', { method: 'POST', url: '/api/entities/C1/periods', payload: { year: 2025 } });
  expect(opened.statusCode, opened.body).toBe(201);
  expect(opened.json()).toMatchObject({ year: 2025, status: 'open' });
  expect(opened.json().months).toHaveLength(12);
});

it('refuses a year written as text in the body', async () => {
  const refused = await world.call('c1Approver', { method: 'POST', url: '/api/entities/C1/periods', payload: { year: '2025' } });
  expect(refused.statusCode).toBe(400);
  expect(refused.json()).toMatchObject({ code: 'invalid_request', field: 'body.year' });
});
