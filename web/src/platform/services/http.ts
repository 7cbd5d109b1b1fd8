import type { z } from 'zod';
import { ApiError, buildUrl, type Problem, type QueryValue } from '../api/client.ts';
import { useSession } from '../auth/session.ts';

/** The session's CSRF token, for the writes that do not go through the API client (file uploads). */
export function useCsrfToken(): string {
  return useSession().csrfToken;
}

async function failure(response: Response): Promise<ApiError> {
  let problem: Problem | null = null;
  if ((response.headers.get('content-type') ?? '').includes('json')) {
    try {
      problem = (await response.json()) as Problem;
    } catch {
      problem = null;
    }
  }
  return new ApiError(
    response.status,
    problem,
    problem?.detail || problem?.title || `${response.status} ${response.statusText}`,
    null,
  );
}

/**
 * Sends a file as multipart/form-data (field "file") with the CSRF token; the answer is checked against the
 * contract, and a refusal (413 too large, 415 unsupported type, 403…) comes back as an ApiError.
 */
export async function uploadFile<S extends z.ZodType>(
  path: string,
  query: Record<string, QueryValue>,
  file: File,
  schema: S,
  csrfToken: string,
): Promise<z.infer<S>> {
  const body = new FormData();
  body.append('file', file, file.name);
  let response: Response;
  try {
    response = await fetch(buildUrl(path, query), {
      method: 'POST',
      body,
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'x-csrf-token': csrfToken },
    });
  } catch {
    throw new ApiError(0, null, 'The server cannot be reached. Check the connection and try again.', null);
  }
  if (!response.ok) throw await failure(response);
  return schema.parse(await response.json());
}

/** A PUT whose answer is a record (the API client's `put` drops the body). */
export async function putJson<S extends z.ZodType>(
  path: string,
  body: unknown,
  schema: S,
  csrfToken: string,
): Promise<z.infer<S>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'PUT',
      body: JSON.stringify(body),
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'content-type': 'application/json', 'x-csrf-token': csrfToken },
    });
  } catch {
    throw new ApiError(0, null, 'The server cannot be reached. Check the connection and try again.', null);
  }
  if (!response.ok) throw await failure(response);
  return schema.parse(await response.json());
}
