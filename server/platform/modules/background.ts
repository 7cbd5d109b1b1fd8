import type { Config } from '../../config.ts';
import type { AnyProgramModule, BackgroundLog, BackgroundService } from './manifest.ts';
import type { PlatformServices } from './platform-services.ts';

/**
 * Starts the modules' background services (the worker role) and returns what stops them, last started first.
 * A service that cannot start (its port taken, say) is logged and left out: the rest of the process runs on.
 */
export async function startBackgroundServices(
  modules: readonly AnyProgramModule[],
  services: PlatformServices & { modules: Record<string, unknown> },
  config: Config,
  log: BackgroundLog,
): Promise<() => Promise<void>> {
  const running: BackgroundService[] = [];
  for (const module of modules) {
    const built = module.background?.(services.modules[module.key], services, { config, log }) ?? [];
    for (const service of built) {
      try {
        await service.start();
        running.push(service);
      } catch (error) {
        log.error({ err: error, service: service.name }, 'background service did not start');
      }
    }
  }
  return async () => {
    for (const service of running.reverse()) {
      try {
        await service.stop();
      } catch (error) {
        log.error({ err: error, service: service.name }, 'background service did not stop cleanly');
      }
    }
  };
}
