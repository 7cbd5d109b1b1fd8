import fc from 'fast-check';

/**
 * fast-check arbitraries from the JSON schemas of the OpenAPI document (which fastify-type-provider-zod
 * generates from the zod contracts): values a schema accepts (valid-ish: zod refinements such as "a real
 * calendar date" are not in the JSON schema, so a few of them are still refused), and values it must refuse.
 */
export type JsonSchema = {
  type?: string | string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  default?: unknown;
};

/** Text that tries to break out of SQL, HTML, JSON, paths or the terminal; valid wherever free text is. */
export const HOSTILE_TEXT = [
  "' OR '1'='1",
  "'; DROP TABLE employees; --",
  '1; SELECT pg_sleep(10); --',
  "\\'; select * from users; --",
  "' UNION SELECT password_hash FROM users --",
  '%_%',
  '\\',
  '$1',
  '<script>alert(document.cookie)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template injection probe, on purpose.
  '{{7*7}}${7*7}',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '\u202Egnp.exe',
  'Z\u0351\u0311\u0300\u0301A\u036B\u0344L\u0336G\u0315O',
  '\u200B\u200C\u200D\uFEFF',
  '職業安全衛生委員會 🏭⚠️',
  'مرحبا بالعالم',
  '\r\nSet-Cookie: injected=1',
  '\u001b[31mred\u001b[0m',
  '𝕊𝕥𝕖𝕨𝕒𝕣𝕕',
];

/** Text that no text field may hold: PostgreSQL refuses NUL, and lone surrogates are not valid UTF-8. */
export const UNSTORABLE_TEXT = ['nul\u0000inside', '\uD800lone', 'a\uDFFFb'];

export const SQL_AND_SCRIPT = fc.constantFrom(...HOSTILE_TEXT);

function alternatives(s: JsonSchema): JsonSchema[] {
  const alts = s.anyOf ?? s.oneOf;
  if (alts) return alts.flatMap(alternatives);
  if (Array.isArray(s.type)) return s.type.map((type) => ({ ...s, type }));
  return [s];
}

const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';
const isoDate = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const isoDateTime = fc
  .date({ min: new Date('2015-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString());

export type Pools = {
  /** Real record ids, so that references point at something often enough to reach deep. */
  ids: string[];
};

function limitLength(arb: fc.Arbitrary<string>, s: JsonSchema) {
  return arb.filter(
    (v) => v.length >= (s.minLength ?? 0) && v.length <= (s.maxLength ?? Number.POSITIVE_INFINITY),
  );
}

function validString(s: JsonSchema, pools: Pools): fc.Arbitrary<string> {
  if (s.enum) return fc.constantFrom(...(s.enum as string[]));
  if (s.format === 'uuid')
    return fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...pools.ids) },
      { weight: 1, arbitrary: fc.uuid({ version: 4 }) },
    );
  if (s.format === 'date-time') return isoDateTime;
  if (s.format === 'email')
    return fc.oneof(
      fc
        .emailAddress()
        .filter(
          (e) =>
            e.length <= (s.maxLength ?? 254) && /^[\w.+'-]+@[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}$/i.test(e),
        ),
      fc.constantFrom('fuzz@steward.test', "o'brien+x@example.com"),
    );
  if (s.format === 'uri')
    // fc.webUrl() is slow to generate; these cover the shapes that matter.
    return fc
      .oneof(
        fc
          .tuple(fc.constantFrom('https', 'http'), fc.domain(), fc.stringMatching(/^[a-z0-9/_-]{0,30}$/))
          .map(([p, d, rest]) => `${p}://${d}/${rest}`),
        fc.constantFrom(
          'https://meet.example.com/j/123?pwd=x',
          'http://localhost:3000/',
          'https://例子.測試/路徑',
          'javascript:alert(1)',
          'ftp://files.example.com/a',
          'data:text/html,<script>alert(1)</script>',
        ),
      )
      .filter((u) => u.length <= (s.maxLength ?? 2000));
  if (s.pattern === DATE_PATTERN) return isoDate;
  if (s.pattern) {
    if (s.pattern.startsWith('^(?:(?:\\d\\d[2468]')) return isoDateTime;
    return limitLength(fc.stringMatching(new RegExp(s.pattern)), s);
  }
  const min = s.minLength ?? 0;
  const max = Math.min(s.maxLength ?? 80, 80);
  return fc
    .oneof(
      {
        weight: 5,
        arbitrary: fc.string({
          minLength: Math.max(min, 1),
          maxLength: Math.max(max, min, 1),
          unit: 'grapheme-ascii',
        }),
      },
      {
        weight: 2,
        arbitrary: fc.string({ minLength: min, maxLength: Math.max(max, min), unit: 'grapheme' }),
      },
      { weight: 2, arbitrary: SQL_AND_SCRIPT },
      // The longest accepted string.
      {
        weight: 1,
        arbitrary: fc.constant('x'.repeat(Math.max(min, Math.min(s.maxLength ?? 5000, 100_000)))),
      },
    )
    .filter((v) => v.trim().length >= min && v.length <= (s.maxLength ?? Number.POSITIVE_INFINITY));
}

/** A value the schema accepts (up to refinements the JSON schema cannot say). */
export function validArb(schema: JsonSchema, pools: Pools, depth = 0): fc.Arbitrary<unknown> {
  const alts = alternatives(schema);
  if (alts.length > 1) return fc.oneof(...alts.map((a) => validArb(a, pools, depth)));
  const s = alts[0];
  if (s.enum) return fc.constantFrom(...s.enum);
  switch (s.type) {
    case 'string':
      return validString(s, pools);
    case 'integer': {
      const min = Math.max(s.minimum ?? -1_000_000, Number.MIN_SAFE_INTEGER);
      const max = Math.min(s.maximum ?? 1_000_000, Number.MAX_SAFE_INTEGER);
      // Small values are the common case; the bounds are where mistakes hide.
      return fc.oneof(
        fc.integer({ min, max: Math.min(max, Math.max(min, 0) + 50) }),
        fc.constantFrom(min, max),
        fc.integer({ min, max }),
      );
    }
    case 'number': {
      const min = s.minimum ?? -1e9;
      const max = s.maximum ?? 1e9;
      return fc.oneof(
        fc.double({ min, max, noNaN: true, noDefaultInfinity: true }),
        fc.constantFrom(min, max, Math.max(min, Math.min(max, 0))),
      );
    }
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const min = s.minItems ?? 0;
      const max = Math.max(min, Math.min(s.maxItems ?? 4, 4));
      return depth > 4
        ? fc.constant([])
        : fc.array(validArb(s.items ?? {}, pools, depth + 1), { minLength: min, maxLength: max });
    }
    case 'object': {
      if (depth > 4) return fc.constant({});
      if (s.properties) {
        const model: Record<string, fc.Arbitrary<unknown>> = {};
        for (const [k, v] of Object.entries(s.properties)) model[k] = validArb(v, pools, depth + 1);
        return fc.record(model, { requiredKeys: (s.required ?? []) as never[] });
      }
      if (s.additionalProperties && typeof s.additionalProperties === 'object')
        return fc.dictionary(
          s.propertyNames
            ? (validArb(s.propertyNames, pools, depth + 1) as fc.Arbitrary<string>)
            : fc.string({ maxLength: 20 }),
          validArb(s.additionalProperties, pools, depth + 1),
          { maxKeys: 4 },
        );
      return fc.constant({});
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

const typesOf = (s: JsonSchema) =>
  new Set(alternatives(s).map((a) => (a.enum ? typeof a.enum[0] : a.type === 'integer' ? 'number' : a.type)));

/** Values the schema refuses: the wrong type, out of range, too long, a bad format or pattern, not in the enum. */
export function badArb(schema: JsonSchema): fc.Arbitrary<unknown> {
  const types = typesOf(schema);
  const out: fc.Arbitrary<unknown>[] = [];
  const wrong: [string, fc.Arbitrary<unknown>][] = [
    ['string', fc.oneof(fc.string({ maxLength: 10 }), SQL_AND_SCRIPT)],
    [
      'number',
      fc.oneof(
        fc.integer(),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.constantFrom(-1, 0, 1e308, -1e308, 2 ** 53),
      ),
    ],
    ['boolean', fc.boolean()],
    [
      'object',
      fc.constantFrom({}, { nested: { deeper: [1, 2, { x: null }] } }, { $gt: '' }, { toString: 'x' }),
    ],
    ['array', fc.constantFrom([], ['x', 1], [[[]]], [null])],
    ['null', fc.constant(null)],
  ];
  if (types.size > 0) for (const [type, arb] of wrong) if (!types.has(type)) out.push(arb);
  for (const s of alternatives(schema)) {
    if (s.type === 'string') {
      if (s.enum)
        out.push(
          fc
            .constantFrom('not-an-option', '', `${String(s.enum[0])} `, String(s.enum[0]).toUpperCase())
            .filter((v) => !s.enum?.includes(v)),
        );
      if (s.format === 'uuid')
        out.push(
          fc.constantFrom(
            'not-a-uuid',
            "1' or '1'='1",
            '6f0e2b7c1d3a4e5f9a8b7c6d5e4f3a2b',
            '{6f0e2b7c-1d3a-4e5f-9a8b-7c6d5e4f3a2b}',
            '',
          ),
        );
      if (s.pattern === DATE_PATTERN || (s.pattern ?? '').startsWith('^(?:(?:\\d\\d[2468]'))
        out.push(
          fc.constantFrom(
            '2023-02-30',
            '2023-02-29',
            '2024-13-01',
            '2024-00-10',
            '0000-00-00',
            '2024-1-1',
            '20240101',
            'yesterday',
            '2024-02-30T10:00:00Z',
            '2024-06-31T25:61:00Z',
          ),
        );
      if (s.format === 'date-time')
        out.push(fc.constantFrom('2024-02-30T10:00:00Z', '2024-06-01 10:00', 'now', '2024-06-01T10:00:00'));
      if (s.format === 'email') out.push(fc.constantFrom('not-an-email', '@steward.test', 'a@', 'a b@c.de'));
      if (s.maxLength !== undefined)
        out.push(fc.constantFrom('x'.repeat(s.maxLength + 1), '字'.repeat(s.maxLength + 1)));
      else out.push(fc.constant('x'.repeat(200_000)));
      if ((s.minLength ?? 0) > 0) out.push(fc.constant(''));
    }
    if (s.type === 'integer' || s.type === 'number') {
      if (s.type === 'integer') out.push(fc.constantFrom(1.5, -0.25, 1e-9));
      if (s.minimum !== undefined && s.minimum > Number.MIN_SAFE_INTEGER)
        out.push(fc.constantFrom(s.minimum - 1, s.minimum - 1e6));
      if (s.maximum !== undefined && s.maximum < Number.MAX_SAFE_INTEGER)
        out.push(fc.constantFrom(s.maximum + 1, s.maximum * 1000 + 1));
      out.push(fc.constantFrom(1e308, -1e308, 2 ** 64));
    }
    if (s.type === 'array') {
      if (s.maxItems !== undefined) out.push(fc.constant(Array.from({ length: s.maxItems + 1 }, () => null)));
      if ((s.minItems ?? 0) > 0) out.push(fc.constant([]));
      if (s.items) out.push(badArb(s.items).map((v) => [v]));
    }
  }
  return out.length ? fc.oneof(...out) : fc.constant(Symbol.for('no-bad-value'));
}

/** The same values as strings, for a query string or a path. */
export function asQueryValue(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** Query-string values that no typed parameter accepts, whatever it is. */
export const BAD_QUERY_TEXT = fc.constantFrom(
  'NaN',
  'Infinity',
  '-1',
  '1e309',
  '0x10',
  '１２',
  "1' OR '1'='1",
  '<script>',
  'x'.repeat(5000),
  '%00',
  '2023-02-30',
  'true false',
);
