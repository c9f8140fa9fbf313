import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import express, { Router } from 'express';

const require = createRequire(import.meta.url);

/**
 * Swagger UI at /docs (from swagger-ui-dist, served locally: nothing is fetched from a CDN) and
 * the bundled contract at /openapi.json and /openapi.yaml. Public.
 */
export function docsRoutes(specJsonPath: string, specYamlPath: string): Router {
  const router = Router();
  const specJson = readFileSync(specJsonPath, 'utf8');
  const specYaml = readFileSync(specYamlPath, 'utf8');
  const swaggerUiDir = (require('swagger-ui-dist') as { getAbsoluteFSPath: () => string }).getAbsoluteFSPath();
  router.get('/openapi.json', (_request, response) => {
    response.type('application/json').send(specJson);
  });
  router.get('/openapi.yaml', (_request, response) => {
    response.type('application/yaml').send(specYaml);
  });
  router.get('/docs', (request, response, next) => {
    if (!request.originalUrl.endsWith('/')) response.redirect(301, '/docs/');
    else next();
  });
  router.get('/docs/swagger-initializer.js', (_request, response) => {
    response.type('application/javascript').send(swaggerInitializer);
  });
  router.use('/docs', express.static(swaggerUiDir, { index: 'index.html' }));
  return router;
}

/** Points Swagger UI at our contract and keeps the API key across reloads. */
const swaggerInitializer = `window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: '/openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    persistAuthorization: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    plugins: [SwaggerUIBundle.plugins.DownloadUrl],
    layout: 'StandaloneLayout',
  });
};
`;
