/**
 * The shape every command of the model-based test shares: from the model it builds one
 * request and the answer the model expects; it sends the request as root or with one of
 * the operator's tokens (a revoked one must be refused with `token_invalid` and change
 * nothing), checks the answer, lets an accepted answer update the model, and then checks
 * the invariants through the API.
 */
import type { InjectOptions } from 'fastify';
import type * as fc from 'fast-check';
import { expectAnswer, refused, type Prediction } from './answer.js';
import { checkInvariants } from './invariants.js';
import { pick, type Model } from './model.js';
import type { World } from './world.js';

/** An answer's body as JSON; each command reads the few fields it checks. */
export type Body = any;

export interface Step {
  readonly request: InjectOptions;
  readonly prediction: Prediction;
  /** Updates the model from an accepted answer's body, checking what it says on the way. */
  readonly apply?: (body: Body) => void;
  /** Days whose balances are compared after the command, beside the far horizon. */
  readonly dates?: readonly string[];
  /** A token of the step's own (null: none), instead of root's or the operator's. */
  readonly token?: string | null;
}

export abstract class ApiCommand implements fc.AsyncCommand<Model, World> {
  /** @param as which of the operator's tokens sends the request; null: root's. */
  constructor(readonly as: number | null) {}

  /** Whether the command makes sense in the model's state; most are sent whatever it is. */
  check(_model: Readonly<Model>): boolean {
    return true;
  }

  /** The request and what the model expects of it; only `apply` may change the model. */
  abstract step(model: Model): Step;

  abstract describe(): string;

  async run(model: Model, world: World): Promise<void> {
    const step = this.step(model);
    const token = this.as === null || step.token !== undefined ? undefined : pick(model.tokens, this.as);
    const prediction = token?.revoked ? refused('token_invalid') : step.prediction;
    const response = await world.send(step.request, step.token !== undefined ? step.token : token?.token);
    expectAnswer(response, prediction, `${this.toString()}: ${step.request.method} ${step.request.url}`);
    if (prediction.accept) step.apply?.(response.body === '' ? undefined : response.json());
    await checkInvariants(model, world, step.dates ?? []);
  }

  toString(): string {
    return this.as === null ? this.describe() : `${this.describe()} as token ${this.as}`;
  }
}
