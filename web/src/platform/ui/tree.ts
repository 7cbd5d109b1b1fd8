import { type TreeNodeData, useTree } from '@mantine/core';
import { useMemo, useState } from 'react';

function allValues(nodes: TreeNodeData[], out: string[] = []): string[] {
  for (const n of nodes) {
    out.push(n.value);
    if (n.children) allValues(n.children, out);
  }
  return out;
}

/** A Mantine tree controller where every node starts expanded, new ones included; the user's collapses stick. */
export function useExpandedTree(nodes: TreeNodeData[]) {
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const expandedState = useMemo(
    () => Object.fromEntries(allValues(nodes).map((v) => [v, !collapsed.has(v)])),
    [nodes, collapsed],
  );
  return useTree({
    expandedState,
    onExpandedStateChange: (next) =>
      setCollapsed(
        new Set(
          Object.entries(next)
            .filter(([, open]) => !open)
            .map(([value]) => value),
        ),
      ),
  });
}
