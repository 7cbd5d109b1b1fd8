/** Pure rules of column mapping: which file column feeds which importer field. */

export type ImportColumn = {
  key: string;
  label: string;
  required: boolean;
  /** Other header names that mean this field (any language, any case or spacing). */
  aliases?: string[];
};

/** Lower case, no spaces, dashes, underscores or dots: "Employee No." ≡ "employee_no". */
export function normaliseHeader(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-./]+/g, '');
}

/** For each field, the header it most likely comes from, or null. */
export function suggestMapping(columns: ImportColumn[], header: string[]): Record<string, string | null> {
  const byName = new Map(header.map((h) => [normaliseHeader(h), h]));
  return Object.fromEntries(
    columns.map((c) => {
      // A label's note in brackets ("Starts (YYYY-MM-DD)") is for people: a header without it matches too.
      const bare = c.label.replace(/\s*[(（][^()（）]*[)）]\s*$/, '');
      const names = [c.key, c.label, bare, ...(c.aliases ?? [])].map(normaliseHeader);
      const hit = names.map((n) => byName.get(n)).find((h) => h !== undefined);
      return [c.key, hit ?? null];
    }),
  );
}

export type MappingProblem = { column: string | null; message: string };

/** What is wrong with a mapping: required fields unmapped, unknown headers, one header used twice. */
export function mappingProblems(
  columns: ImportColumn[],
  header: string[],
  mapping: Record<string, string | null>,
): MappingProblem[] {
  const problems: MappingProblem[] = [];
  const known = new Set(header);
  const used = new Map<string, string>();
  for (const c of columns) {
    const source = mapping[c.key] ?? null;
    if (source === null) {
      if (c.required) problems.push({ column: c.key, message: `Choose the column that holds ${c.label}` });
      continue;
    }
    if (!known.has(source)) problems.push({ column: c.key, message: `The file has no column "${source}"` });
    const other = used.get(source);
    if (other) problems.push({ column: c.key, message: `Column "${source}" is already used for ${other}` });
    used.set(source, c.label);
  }
  for (const key of Object.keys(mapping)) {
    if (!columns.some((c) => c.key === key)) problems.push({ column: key, message: `Unknown field ${key}` });
  }
  return problems;
}

/** Turns a record (array of cells, in header order) into { field: value } through the mapping. */
export function recordReader(
  columns: ImportColumn[],
  header: string[],
  mapping: Record<string, string | null>,
) {
  const positions = columns.map(
    (c) => [c.key, mapping[c.key] ? header.indexOf(mapping[c.key] as string) : -1] as const,
  );
  return (cells: string[]): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const [key, index] of positions) out[key] = index >= 0 ? (cells[index] ?? '').trim() : '';
    return out;
  };
}
