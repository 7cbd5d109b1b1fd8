/** Errors that services throw; the HTTP layer maps each to an RFC 9457 problem document. */

export type FieldError = { path: string; message: string };

export class AppError extends Error {
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly extra: Record<string, unknown>;

  constructor(
    status: number,
    type: string,
    title: string,
    detail: string,
    extra: Record<string, unknown> = {},
  ) {
    super(detail);
    this.status = status;
    this.type = type;
    this.title = title;
    this.extra = extra;
  }
}

export class NotFoundError extends AppError {
  constructor(what = 'record') {
    super(404, 'not-found', 'Not found', `The ${what} does not exist or is outside your scope.`);
  }
}

export class ForbiddenError extends AppError {
  constructor(permission: string) {
    super(403, 'forbidden', 'Forbidden', `You do not have the permission "${permission}" here.`, {
      permission,
    });
  }
}

export class UnauthenticatedError extends AppError {
  constructor(detail = 'Sign in to continue.') {
    super(401, 'unauthenticated', 'Not signed in', detail);
  }
}

export class ConflictError extends AppError {
  constructor(detail: string, extra: Record<string, unknown> = {}) {
    super(409, 'conflict', 'Conflict', detail, extra);
  }
}

/**
 * A conditional write whose `If-Match` no longer names the current version (RFC 9110 §13.1.1): the resource
 * changed since the client read it. Carries the current version.
 */
export class PreconditionFailedError extends AppError {
  constructor(currentVersion: number) {
    super(
      412,
      'precondition-failed',
      'Precondition failed',
      `This was changed by someone else (now version ${currentVersion}). Reload it and apply your change again.`,
      { currentVersion },
    );
  }
}

/** A stale write: the record changed since the client read it. Carries the current version. */
export class StaleVersionError extends ConflictError {
  constructor(currentVersion: number) {
    super(
      `This record was changed by someone else (now version ${currentVersion}). Reload it and apply your change again.`,
      { currentVersion },
    );
  }
}

export class ValidationError extends AppError {
  constructor(detail: string, errors: FieldError[] = []) {
    super(422, 'validation', 'Invalid input', detail, { errors });
  }
}

export class TooManyRequestsError extends AppError {
  constructor(detail: string, retryAfterSeconds: number) {
    super(429, 'too-many-requests', 'Too many requests', detail, { retryAfterSeconds });
  }
}
