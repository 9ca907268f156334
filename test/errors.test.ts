/**
 * Tests of src/errors.ts: the error classes, their names, their place in the
 * hierarchy (every one a BackpropError and an Error) and the fields they
 * carry. Each class is also checked as the library actually throws it.
 */
import { describe, expect, it } from 'vitest';
import {
  Activation,
  BackpropError,
  FormatError,
  Layer,
  ShapeError,
  UnknownNameError,
  ValueError,
} from '../src/index.js';
import { thrownBy } from './support/helpers.js';

describe('BackpropError', () => {
  it('is an Error named "BackpropError" with the given message', () => {
    const error = new BackpropError('Layer.create: something went wrong');
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(BackpropError);
    expect(error.name).toBe('BackpropError');
    expect(error.message).toBe('Layer.create: something went wrong');
    expect(String(error)).toBe('BackpropError: Layer.create: something went wrong');
  });

  it('has a stack trace that starts with its name and message', () => {
    const error = new BackpropError('Network.forward: bad input');
    expect(error.stack).toMatch(/^BackpropError: Network\.forward: bad input/);
  });

  it('catches every error class of the library with one instanceof check', () => {
    const errors = [
      new ShapeError('s', [1], [2]),
      new ValueError('v'),
      new UnknownNameError('u', 'swish'),
      new FormatError('f', 'layers[0]'),
    ];
    for (const error of errors) {
      expect(error, error.name).toBeInstanceOf(BackpropError);
      expect(error, error.name).toBeInstanceOf(Error);
    }
  });
});

describe('ShapeError', () => {
  it('is named "ShapeError" and is a BackpropError and an Error', () => {
    const error = new ShapeError('Layer.forward: input must have 2 entries, got 3', [2], [3]);
    expect(error.name).toBe('ShapeError');
    expect(error).toBeInstanceOf(ShapeError);
    expect(error).toBeInstanceOf(BackpropError);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(ValueError);
    expect(error.message).toBe('Layer.forward: input must have 2 entries, got 3');
    expect(String(error)).toBe('ShapeError: Layer.forward: input must have 2 entries, got 3');
  });

  it('carries frozen copies of expected and actual', () => {
    const expected = [4, 2];
    const actual = [4, 3];
    const error = new ShapeError('Layer.forward: input must have 2 entries per row, got 3', expected, actual);
    expected[1] = 99;
    actual.push(7);
    expect(error.expected).toEqual([4, 2]);
    expect(error.actual).toEqual([4, 3]);
    expect(error.expected).not.toBe(expected);
    expect(error.actual).not.toBe(actual);
    expect(Object.isFrozen(error.expected)).toBe(true);
    expect(Object.isFrozen(error.actual)).toBe(true);
    expect(() => {
      (error.expected as number[])[0] = 1;
    }).toThrow(TypeError);
  });

  it('is what Layer.forward throws for a wrong input width, named and with its sizes', () => {
    const layer = Layer.create([[0, 0], [1, 1], [2, 2]], Activation.identity);
    const error = thrownBy(() => Layer.forward(layer, [1, 2, 3]));
    expect(error).toBeInstanceOf(ShapeError);
    expect(error).toBeInstanceOf(BackpropError);
    expect(error.name).toBe('ShapeError');
    expect((error as ShapeError).expected).toEqual([2]);
    expect((error as ShapeError).actual).toEqual([3]);
    expect(Object.isFrozen((error as ShapeError).expected)).toBe(true);
  });
});

describe('ValueError', () => {
  it('is named "ValueError" and is a BackpropError and an Error', () => {
    const error = new ValueError('Layer.sgdStep: learningRate must be a positive finite number, got 0');
    expect(error.name).toBe('ValueError');
    expect(error).toBeInstanceOf(ValueError);
    expect(error).toBeInstanceOf(BackpropError);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(ShapeError);
    expect(error.message).toBe('Layer.sgdStep: learningRate must be a positive finite number, got 0');
  });

  it('is what Layer.create throws for a NaN weight', () => {
    const error = thrownBy(() => Layer.create([[0], [Number.NaN]], Activation.identity));
    expect(error).toBeInstanceOf(ValueError);
    expect(error.name).toBe('ValueError');
  });
});

describe('UnknownNameError', () => {
  it('is named "UnknownNameError", is a BackpropError and an Error, and carries the unknown name', () => {
    const error = new UnknownNameError('Activation.byName: no activation named "swish"', 'swish');
    expect(error.name).toBe('UnknownNameError');
    expect(error).toBeInstanceOf(UnknownNameError);
    expect(error).toBeInstanceOf(BackpropError);
    expect(error).toBeInstanceOf(Error);
    expect(error.unknownName).toBe('swish');
    expect(error.message).toBe('Activation.byName: no activation named "swish"');
  });

  it('is what Activation.byName throws, with unknownName set to the name looked up', () => {
    const error = thrownBy(() => Activation.byName('gelu'));
    expect(error).toBeInstanceOf(UnknownNameError);
    expect(error.name).toBe('UnknownNameError');
    expect((error as UnknownNameError).unknownName).toBe('gelu');
  });
});

describe('FormatError', () => {
  it('is named "FormatError", is a BackpropError and an Error, and carries the path', () => {
    const error = new FormatError('Network.fromJSON: layers[1].weights[0][2] must be a number', 'layers[1].weights[0][2]');
    expect(error.name).toBe('FormatError');
    expect(error).toBeInstanceOf(FormatError);
    expect(error).toBeInstanceOf(BackpropError);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(ValueError);
    expect(error.path).toBe('layers[1].weights[0][2]');
    expect(error.message).toBe('Network.fromJSON: layers[1].weights[0][2] must be a number');
  });

  it('keeps an empty path for an error about the whole document', () => {
    const error = new FormatError('Network.fromJSON: expected an object, got null', '');
    expect(error.path).toBe('');
  });
});
