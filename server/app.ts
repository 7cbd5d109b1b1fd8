import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import scalarReference from '@scalar/fastify-api-reference';
import Fastify from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import type { Database } from './db/connect.ts';
import { loggerOptions } from './logger.ts';
import { programModules } from './modules/index.ts';
import { isPermission } from './platform/access/policy.ts';
import { registerSiteFilterCheck } from './platform/access/site-filter.ts';
import { registerAuthHooks } from './platform/auth/hooks.ts';
import { registerEventStreams } from './platform/http/event-stream.ts';
import { registerProblemHandlers, sendFrameworkError } from './platform/http/problem.ts';
import type { RegisteredRoute } from './platform/http/route-config.ts';
import { registerTextInputCheck } from './platform/http/text-input.ts';
import type { TypedApp } from './platform/http/typed.ts';
import type { AnyProgramModule } from './platform/modules/manifest.ts';
import { registerOperationsRoutes } from './platform/operations/routes.ts';
import { registerSettingPreconditions } from './platform/settings/preconditions.ts';
import { registerRoutes } from './routes.ts';
import { createServices, type Services } from './services.ts';

export const WEB_DIST = path.resolve(import.meta.dirname, '../web/dist');

export type BuildOptions = {
  database: Database;
  config: Config;
  /** Overrides the clock (tests). */
  now?: () => Date;
  /** Serve the built web app (off in API tests). */
  serveWeb?: boolean;
  logger?: boolean;
  /** The program modules to serve (default: every module of `server/modules/index.ts`). */
  modules?: readonly AnyProgramModule[];
};

export type StewardApp = TypedApp & { services: Services; routeTable: RegisteredRoute[] };

export async function buildApp(options: BuildOptions): Promise<StewardApp> {
  const { database, config } = options;
  const app = Fastify({
    logger: options.logger === false ? false : loggerOptions(config.logLevel),
    trustProxy: config.trustProxy,
    requestIdHeader: 'x-request-id',
    genReqId: () => crypto.randomUUID(),
    bodyLimit: 10 * 1024 * 1024,
    ajv: { customOptions: { coerceTypes: false } },
    frameworkErrors: sendFrameworkError,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const serveWeb = options.serveWeb !== false && existsSync(WEB_DIST);
  registerProblemHandlers(app, { spaFallback: serveWeb });

  const routeTable: RegisteredRoute[] = [];
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    if (
      route.method === 'HEAD' ||
      (Array.isArray(route.method) && route.method.includes('HEAD') && route.method.length === 1)
    )
      return;
    const access = route.config?.access;
    if (!access)
      throw new Error(`Route ${String(route.method)} ${route.url} declares no access (config.access)`);
    if (access !== 'public' && access !== 'signed-in' && !isPermission(access))
      throw new Error(
        `Route ${String(route.method)} ${route.url} declares ${access}, which no module declares`,
      );
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD')
        routeTable.push({
          method,
          url: route.url,
          access,
          ...(route.config?.personal ? { personal: true } : {}),
          ...(route.config?.stream ? { stream: true } : {}),
          ...(route.config?.setting ? { setting: route.config.setting } : {}),
        });
    }
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });

  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", "'unsafe-inline'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: config.cookieSecure ? { maxAge: 31536000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'same-origin' },
  });
  await app.register(fastifyRateLimit, { global: false });
  // One byte over the limit reaches the file store, which refuses the file with 413 and keeps nothing.
  await app.register(fastifyMultipart, {
    limits: { files: 1, fileSize: config.maxUploadBytes + 1, fields: 5 },
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Steward API',
        version: '0.1.0',
        description:
          'The programs of a multi-site manufacturer: IP, information security, OHS, industry-academia collaboration and shop-floor monitoring. Errors are RFC 9457 problem documents.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'steward_session' },
          token: { type: 'http', scheme: 'bearer', description: 'A personal API token (stw_…)' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });

  const modules = options.modules ?? programModules;
  const services = createServices(database, config, options.now, modules);
  registerAuthHooks(app, services.identity);
  // The web process hears identity changes (its own and other processes'); a worker's cache stays bypassed.
  services.identity.events.on('live', (live: boolean) => {
    if (live) app.log.info('identity change signals heard: the identity cache is in use');
    else app.log.warn('identity change signals lost: the identity cache is bypassed until they are back');
  });
  await services.identity.start();
  app.addHook('onClose', () => services.identity.stop());
  app.addHook('onClose', () => services.signals.stop());
  registerSiteFilterCheck(app, database.db);
  registerEventStreams(app);
  registerTextInputCheck(app);
  registerSettingPreconditions(app, database.db);

  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
  await app.register(scalarReference, {
    routePrefix: '/api/docs',
    configuration: { url: '/api/openapi.json', withDefaultFonts: false, hideClientButton: true },
  });

  registerOperationsRoutes(app, database, config.filesDir);
  await registerRoutes(app, services, config, modules);

  if (serveWeb) {
    await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false, index: ['index.html'] });
  }

  const steward = app as unknown as StewardApp;
  steward.services = services;
  steward.routeTable = routeTable;
  return steward;
}
