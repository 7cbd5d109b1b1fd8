import type { AnyProgramModule, ModuleDemoData } from '../../server/platform/modules/manifest.ts';
import type { DemoDataset } from './generate.ts';

declare module '../../server/platform/modules/manifest.ts' {
  /** The group that the modules' parts of the demo build on is the demo's generated dataset. */
  interface DemoGroup extends DemoDataset {}
}

/** Each module's part of the demo, in the order of the module list, generated from the group. */
export async function generateModuleDemos(
  modules: readonly AnyProgramModule[],
  group: DemoDataset,
): Promise<ModuleDemoData[]> {
  const parts: ModuleDemoData[] = [];
  for (const module of modules) {
    const demo = await module.demo?.();
    if (demo) parts.push(demo.generate(group));
  }
  return parts;
}
