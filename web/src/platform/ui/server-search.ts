import type { OptionsFilter } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';

/** The server's answer is the list: the select shows it as it came, without filtering it again. */
const asAnswered: OptionsFilter = ({ options }) => options;

/**
 * A select that searches on the server as the user types: `q`, the term trimmed and debounced for the query,
 * and `selectProps`, the props that hand the search to it.
 */
export function useServerSearch(delayMs = 250) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), delayMs);
  return {
    q,
    selectProps: { searchable: true, searchValue: search, onSearchChange: setSearch, filter: asAnswered },
  };
}
