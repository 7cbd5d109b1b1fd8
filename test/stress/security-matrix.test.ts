import { defineAuthorizationMatrix } from '../security/support/matrix-suite.ts';

// The authorization matrix on both databases (`npm test` runs it on one).
process.env.TEST_DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';
await defineAuthorizationMatrix('pglite');
await defineAuthorizationMatrix('postgres');
