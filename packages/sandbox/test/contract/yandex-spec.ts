import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ValidateFunction } from 'ajv';
import { createAjv, memo } from './ajv.js';
import { closeObjects, RefLoader, type Schema } from './ref-loader.js';

/** The vendors' files, copied unchanged into the repository (see specs/README.md). */
export const SPECS = fileURLToPath(new URL('./specs/', import.meta.url));
const PARTNER = join(SPECS, 'yandex-partner-api');
const NOTIFICATION = join(SPECS, 'yandex-notification-api/openapi');

/** Validators built from the official Yandex Partner API and Notification API files, as they are. */
export interface YandexContract {
  /** The schema of one documented response: path as in openapi.yaml, method, status. */
  response(path: string, method: 'get' | 'post', status: number): ValidateFunction;
  /** A schema file of components/schemas by name (for statuses the paths do not list: 405, 415). */
  component(name: string): ValidateFunction;
  /** The body of POST /notification (every push Market sends). */
  notification(): ValidateFunction;
  /** The same, as the vendor wrote it (extra keys allowed): proves closing objects is ours. */
  notificationAsPublished(): ValidateFunction;
}

export function loadYandexContract(): YandexContract {
  const loader = new RefLoader();
  const ajv = createAjv();
  const cached = memo<ValidateFunction>();
  const compile = (schema: unknown) => ajv.compile(closeObjects(schema) as Schema);
  const paths = (
    loader.load(join(PARTNER, 'openapi.yaml')) as { paths: Record<string, Record<string, Schema>> }
  ).paths;
  const notification = loader.load(join(NOTIFICATION, 'openapi.yaml')) as {
    paths: Record<string, { post: { requestBody: { content: Record<string, { schema: Schema }> } } }>;
  };
  const pushSchema =
    notification.paths['/notification']!.post.requestBody.content['application/json']!.schema;
  return {
    response: (path, method, status) =>
      cached(`${method} ${path} ${status}`, () => {
        const operation = paths[path]?.[method] as { responses: Record<string, Schema> } | undefined;
        const response = operation?.responses[String(status)] as
          | { content: Record<string, { schema: Schema }> }
          | undefined;
        if (!response) throw new Error(`The spec documents no ${status} for ${method.toUpperCase()} ${path}`);
        return compile(response.content['application/json']!.schema);
      }),
    component: (name) =>
      cached(name, () => compile(loader.load(join(PARTNER, 'components/schemas', `${name}.yaml`)))),
    notification: () => cached('notification', () => compile(pushSchema)),
    notificationAsPublished: () => cached('notification as published', () => ajv.compile(pushSchema)),
  };
}
