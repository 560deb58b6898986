import { describe, expect, it } from 'vitest';
import { contract } from '../../../shared/contract';
import { ApiError } from './api-error';
import { checkInput, explainedByFields, fieldErrorsOf } from './field-errors';

describe('field errors', () => {
  it('maps the core’s issues to fields, the first issue of a field winning', () => {
    const error = new ApiError('invalid_input', 'Invalid', [
      { path: 'password', message: 'password_too_long' },
      { path: 'password', message: 'other' },
      { path: 'otherSettings.dailyGoalMinutes', message: 'too_big' },
    ]);
    expect(fieldErrorsOf(error)).toEqual({ password: 'password_too_long', otherSettings: 'too_big' });
    expect(explainedByFields(error)).toBe(true);
  });

  it('reads a conflict’s issue as the taken field, and nothing from other failures', () => {
    expect(fieldErrorsOf(new ApiError('conflict', 'That username is taken', [{ path: 'username', message: 'taken' }]))).toEqual({
      username: 'taken',
    });
    expect(fieldErrorsOf(new ApiError('unavailable', 'down', [{ path: 'x', message: 'y' }]))).toEqual({});
    expect(explainedByFields(new ApiError('conflict', 'That already exists'))).toBe(false);
    expect(fieldErrorsOf(null)).toEqual({});
  });

  it('checks a form with the contract’s own schema before sending it', () => {
    const schema = contract['accounts.register'].input;
    let failure: unknown;
    try {
      checkInput(schema, { email: 'no', username: 'a', fullName: ' ', password: 'я'.repeat(37), becomeAdmin: false });
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(ApiError);
    expect(fieldErrorsOf(failure as ApiError)).toEqual({
      email: 'invalid_email',
      username: 'invalid_username',
      fullName: 'name_required',
      password: 'password_too_long',
    });
    expect(checkInput(schema, { email: ' Anna@Example.COM ', username: 'Anna', fullName: 'Анна', password: '12345678' })).toEqual({
      email: 'anna@example.com',
      username: 'anna',
      fullName: 'Анна',
      password: '12345678',
      becomeAdmin: false,
    });
  });
});
