import { EventBus } from '../common/domain-events';
import type { UploadRoute } from '../common/upload';
import type { ScheduledJob } from './module-manifest';
import type { Config } from './config';
import { MANIFESTS, type MODULES } from './modules';

/** The services of every module, by module name, and the event bus they publish through. */
export type Services = { events: EventBus } & {
  [M in (typeof MODULES)[number] as M['name']]: ReturnType<M['createServices']>;
};

/**
 * The services, created once per server, module by module in MODULES order; stateless but for
 * configuration and the event bus, on which each module's listeners are registered.
 */
export function createServices(config: Config): Services {
  const events = new EventBus();
  const services: Record<string, unknown> = { events };
  for (const module of MANIFESTS) {
    for (const dependency of module.dependsOn ?? []) {
      if (!(dependency in services)) throw new Error(`Module ${module.name} needs ${dependency}, which must come before it in MODULES`);
    }
    const created = module.createServices({ config, events }, services);
    services[module.name] = created;
    for (const listener of module.listeners?.(created) ?? []) events.register(listener);
  }
  return services as Services;
}

/** Every module's streamed uploads (`POST /uploads/<name>`), built from its services. */
export function uploadRoutes(services: Services): UploadRoute[] {
  const byModule: Record<string, unknown> = services;
  return MANIFESTS.flatMap((module) => module.uploads?.(byModule[module.name]) ?? []);
}

/** Every module's scheduled jobs, built from its services. */
export function scheduledJobs(services: Services): ScheduledJob[] {
  const byModule: Record<string, unknown> = services;
  return MANIFESTS.flatMap((module) => module.jobs?.(byModule[module.name]) ?? []);
}
