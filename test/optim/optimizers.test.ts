/**
 * Tests of src/optim/optimizers.ts (and build.ts): `Optimizer.sgd`, `adam`,
 * `adamW` and `rmsprop`. Expected defaults are those of API.md (PyTorch's);
 * every bad option is refused with a ValueError naming the option and
 * showing what was given with its type.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Optimizer, ValueError } from '../../src/index.js';
import { thrownBy } from '../support/helpers.js';

type Make = (options: Record<string, unknown>) => unknown;
const make = {
  sgd: (o: Record<string, unknown>) => Optimizer.sgd({ learningRate: 0.1, ...o } as never),
  adam: (o: Record<string, unknown>) => Optimizer.adam(o as never),
  adamW: (o: Record<string, unknown>) => Optimizer.adamW(o as never),
  rmsprop: (o: Record<string, unknown>) => Optimizer.rmsprop(o as never),
} satisfies Record<string, Make>;

/** Expects `fn` to throw a ValueError whose message matches every pattern. */
function expectRefused(fn: () => unknown, ...patterns: RegExp[]): void {
  const error = thrownBy(fn);
  expect(error).toBeInstanceOf(ValueError);
  for (const pattern of patterns) expect(error.message).toMatch(pattern);
}

describe('Optimizer.sgd', () => {
  it('fills in every default and freezes the record', () => {
    const sgd = Optimizer.sgd({ learningRate: 0.1 });
    expect(sgd).toEqual({ name: 'sgd', learningRate: 0.1, momentum: 0, dampening: 0, nesterov: false, weightDecay: 0, decayBias: false });
    expect(Object.isFrozen(sgd)).toBe(true);
  });

  it('throws ValueError without a learning rate', () => {
    expectRefused(() => Optimizer.sgd({} as never), /^Optimizer\.sgd: learningRate is required/);
  });

  it('throws ValueError for nesterov without momentum or with dampening', () => {
    expectRefused(() => Optimizer.sgd({ learningRate: 0.1, nesterov: true }),
      /^Optimizer\.sgd: nesterov needs momentum > 0 and dampening = 0, got momentum 0 and dampening 0$/);
    expectRefused(() => Optimizer.sgd({ learningRate: 0.1, nesterov: true, momentum: 0.9, dampening: 0.1 }), /dampening 0\.1/);
  });

  it('throws ValueError for dampening outside [0, 1]', () => {
    expectRefused(() => make.sgd({ dampening: 1.5 }), /^Optimizer\.sgd: dampening must be a number in \[0, 1\], got 1\.5$/);
  });

  it('throws ValueError for a nesterov that is not a boolean', () => {
    expectRefused(() => make.sgd({ nesterov: 'yes' }), /^Optimizer\.sgd: nesterov must be true or false, got "yes" \(a string\)$/);
  });
});

describe('Optimizer.adam', () => {
  it('fills in PyTorch\'s defaults', () => {
    expect(Optimizer.adam()).toEqual({
      name: 'adam', learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-8, weightDecay: 0, decayBias: false,
    });
  });

  it('throws ValueError for a beta of 1 or more, or negative', () => {
    expectRefused(() => Optimizer.adam({ beta1: 1 }), /^Optimizer\.adam: beta1 must be a number in \[0, 1\), got 1$/);
    expectRefused(() => Optimizer.adam({ beta2: -0.1 }), /^Optimizer\.adam: beta2 must be a number in \[0, 1\), got -0\.1$/);
  });

  it('throws ValueError for an epsilon that is not positive', () => {
    expectRefused(() => Optimizer.adam({ epsilon: 0 }), /^Optimizer\.adam: epsilon must be a positive finite number, got 0$/);
    expectRefused(() => Optimizer.adam({ epsilon: -0 }), /got 0$/);
  });
});

describe('Optimizer.adamW', () => {
  it('fills in a weight decay of 0.01', () => {
    expect(Optimizer.adamW()).toEqual({
      name: 'adamW', learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-8, weightDecay: 0.01, decayBias: false,
    });
  });

  it('throws ValueError naming itself', () => {
    expectRefused(() => Optimizer.adamW({ beta1: Infinity }), /^Optimizer\.adamW: beta1 must be a number in \[0, 1\), got Infinity$/);
  });
});

describe('Optimizer.rmsprop', () => {
  it('fills in PyTorch\'s defaults', () => {
    expect(Optimizer.rmsprop()).toEqual({
      name: 'rmsprop', learningRate: 0.01, alpha: 0.99, epsilon: 1e-8, momentum: 0, weightDecay: 0, decayBias: false,
    });
  });

  it('throws ValueError for an alpha of 1', () => {
    expectRefused(() => Optimizer.rmsprop({ alpha: 1 }), /^Optimizer\.rmsprop: alpha must be a number in \[0, 1\), got 1$/);
  });
});

describe('every optimiser constructor', () => {
  const names = Object.keys(make) as (keyof typeof make)[];

  it.each(names)('%s throws ValueError for options that are not an object', (name) => {
    for (const bad of [null, 3, 'fast', [1]]) {
      expectRefused(() => (Optimizer[name] as (o: unknown) => unknown)(bad), new RegExp(`^Optimizer\\.${name}: options must be an object`));
    }
  });

  it.each(names)('%s throws ValueError for an unknown option, naming it', (name) => {
    expectRefused(() => make[name]({ lr: 0.1 }), new RegExp(`^Optimizer\\.${name}: unknown option "lr"; the options are `));
  });

  it.each(names)('%s throws ValueError for a learning rate that is not positive and finite', (name) => {
    for (const [bad, shown] of [[0, '0'], [-1, '-1'], [NaN, 'NaN'], ['0.1', '"0\\.1" \\(a string\\)'], [null, 'null']] as const) {
      expectRefused(() => make[name]({ learningRate: bad }), new RegExp(`^Optimizer\\.${name}: learningRate must be a positive finite number, got ${shown}$`));
    }
  });

  it.each(names)('%s throws ValueError for a negative weight decay and a decayBias that is not a boolean', (name) => {
    expectRefused(() => make[name]({ weightDecay: -0.5 }), new RegExp(`^Optimizer\\.${name}: weightDecay must be a finite number >= 0, got -0\\.5$`));
    expectRefused(() => make[name]({ decayBias: 1 }), new RegExp(`^Optimizer\\.${name}: decayBias must be true or false, got 1$`));
  });

  it.each(['sgd', 'rmsprop'] as const)('%s throws ValueError for a negative momentum', (name) => {
    expectRefused(() => make[name]({ momentum: -0.9 }), new RegExp(`^Optimizer\\.${name}: momentum must be a finite number >= 0, got -0\\.9$`));
  });

  it.each(names)('%s does not change its options and returns every hyperparameter it was given', (name) => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 10, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (learningRate, weightDecay) => {
        const options = Object.freeze({ learningRate, weightDecay });
        const made = make[name](options) as unknown as Record<string, unknown>;
        expect(made.learningRate).toBe(learningRate);
        expect(made.weightDecay).toBe(weightDecay);
        expect(Object.isFrozen(made)).toBe(true);
      }),
      { seed: 20, numRuns: 50 },
    );
  });
});

describe('every option of every optimiser constructor', () => {
  /** [constructor, option, a bad value, how the message shows it, the rule it states]. */
  const table: [keyof typeof make, string, unknown, string, string][] = [];
  const rules: Record<string, [unknown, string, string]> = {
    learningRate: [-0.1, '-0.1', 'a positive finite number'],
    momentum: [-1, '-1', 'a finite number >= 0'],
    dampening: [2, '2', 'a number in [0, 1]'],
    nesterov: ['true', '"true" (a string)', 'true or false'],
    weightDecay: [NaN, 'NaN', 'a finite number >= 0'],
    decayBias: [null, 'null', 'true or false'],
    beta1: [1.5, '1.5', 'a number in [0, 1)'],
    beta2: [1, '1', 'a number in [0, 1)'],
    epsilon: [-1e-8, '-1e-8', 'a positive finite number'],
    alpha: [-0.5, '-0.5', 'a number in [0, 1)'],
  };
  const options = {
    sgd: ['learningRate', 'momentum', 'dampening', 'nesterov', 'weightDecay', 'decayBias'],
    adam: ['learningRate', 'beta1', 'beta2', 'epsilon', 'weightDecay', 'decayBias'],
    adamW: ['learningRate', 'beta1', 'beta2', 'epsilon', 'weightDecay', 'decayBias'],
    rmsprop: ['learningRate', 'alpha', 'epsilon', 'momentum', 'weightDecay', 'decayBias'],
  } as const;
  for (const [name, keys] of Object.entries(options) as [keyof typeof make, readonly string[]][]) {
    for (const key of keys) table.push([name, key, ...rules[key]]);
  }

  it.each(table)('%s throws ValueError for a bad %s', (name, key, bad, shown, rule) => {
    const error = thrownBy(() => make[name]({ [key]: bad }));
    expect(error).toBeInstanceOf(ValueError);
    expect(error.message).toBe(`Optimizer.${name}: ${key} must be ${rule}, got ${shown}`);
  });
});
