import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import { Router, type Request, type Response } from 'express';
import { CONTRACT_AREAS, DEFAULT_CONTRACT_AREA, contractPart, type ContractArea, type OpenApiDocument } from './contract-areas.js';

const require = createRequire(import.meta.url);

/** Content types of the files the docs serve, by extension. */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.json': 'application/json; charset=utf-8',
  '.yaml': 'application/yaml; charset=utf-8',
};

/**
 * Brotli quality for the documents: 11 takes seconds on the 1.4 MB contract, 5 a few
 * milliseconds and still shrinks it about fifteenfold.
 */
const BROTLI_QUALITY = 5;

/** Smaller bodies are sent as they are: compressing them saves less than it costs. */
const MIN_COMPRESSED_BYTES = 1024;

/**
 * One document served as it is: compressed once per encoding on first use (brotli or gzip, as
 * the client accepts), with a strong ETag of its content so a browser revalidates with a 304
 * instead of downloading it again.
 */
class ServedDocument {
  readonly etag: string;
  private readonly encoded = new Map<string, Buffer>();

  constructor(
    readonly contentType: string,
    private readonly body: Buffer,
  ) {
    this.etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  }

  send(request: Request, response: Response): void {
    response.set({ 'Content-Type': this.contentType, ETag: this.etag, 'Cache-Control': 'no-cache', Vary: 'Accept-Encoding' });
    if (request.fresh) {
      response.status(304).end();
      return;
    }
    const encoding = this.body.length >= MIN_COMPRESSED_BYTES ? request.acceptsEncodings('br', 'gzip') : false;
    const payload = encoding === 'br' || encoding === 'gzip' ? this.encodedAs(encoding) : this.body;
    if (payload !== this.body) response.set('Content-Encoding', encoding as string);
    response.set('Content-Length', String(payload.length));
    response.status(200).end(request.method === 'HEAD' ? undefined : payload);
  }

  private encodedAs(encoding: 'br' | 'gzip'): Buffer {
    let encoded = this.encoded.get(encoding);
    if (encoded === undefined) {
      encoded =
        encoding === 'br'
          ? brotliCompressSync(this.body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: this.body.length } })
          : gzipSync(this.body);
      this.encoded.set(encoding, encoded);
    }
    return encoded;
  }
}

/**
 * Swagger UI at /docs (from swagger-ui-dist, served locally: nothing is fetched from a CDN), one
 * area of the contract at a time (`/openapi/<area>.json`, see contract-areas.ts), and the bundled
 * contract at /openapi.json and /openapi.yaml. Public. Every file is served
 * compressed with a cache validator: the contract is 1.4 MB and Swagger UI's bundle 1.7 MB.
 */
export function docsRoutes(specJsonPath: string, specYamlPath: string): Router {
  const router = Router();
  // Served without the generated file's indentation: 40 % fewer bytes for Swagger UI to parse.
  const contract = JSON.parse(readFileSync(specJsonPath, 'utf8')) as OpenApiDocument;
  const specJson = new ServedDocument(CONTENT_TYPES['.json']!, Buffer.from(JSON.stringify(contract)));
  const specYaml = new ServedDocument(CONTENT_TYPES['.yaml']!, readFileSync(specYamlPath));
  router.get('/openapi.json', (request, response) => specJson.send(request, response));
  const areaDocuments = contractAreaDocuments(contract);
  router.get('/openapi/:area.json', (request, response, next) => {
    const document = areaDocuments.get(String(request.params.area));
    if (document) document.send(request, response);
    else next();
  });
  router.get('/openapi.yaml', (request, response) => specYaml.send(request, response));
  router.get('/docs', (request, response, next) => {
    const [path, query] = request.originalUrl.split('?', 2) as [string, string | undefined];
    if (!path.endsWith('/')) response.redirect(301, query === undefined ? '/docs/' : `/docs/?${query}`);
    else next();
  });
  const swaggerUi = swaggerUiFiles();
  router.get('/docs/:file', (request, response, next) => {
    const file = swaggerUi.get(String(request.params.file));
    if (file) file.send(request, response);
    else next();
  });
  const pages = new Map(CONTRACT_AREAS.map((area) => [area.id, new ServedDocument(CONTENT_TYPES['.html']!, Buffer.from(indexHtmlOf(area)))]));
  router.get('/docs/', (request, response, next) => {
    const area = typeof request.query.area === 'string' ? request.query.area : DEFAULT_CONTRACT_AREA.id;
    const page = pages.get(area);
    if (page) page.send(request, response);
    else next();
  });
  return router;
}

/** Each area's part of the contract, made and compressed on first request. */
function contractAreaDocuments(contract: OpenApiDocument): { get(areaId: string): ServedDocument | undefined } {
  const made = new Map<string, ServedDocument>();
  return {
    get(areaId) {
      const area = CONTRACT_AREAS.find((each) => each.id === areaId);
      if (area === undefined) return undefined;
      let document = made.get(area.id);
      if (document === undefined) {
        document = new ServedDocument(CONTENT_TYPES['.json']!, Buffer.from(JSON.stringify(contractPart(contract, area))));
        made.set(area.id, document);
      }
      return document;
    },
  };
}

/** Swagger UI's files by name, read on first request: the package's, with our initializer. */
function swaggerUiFiles(): { get(name: string): ServedDocument | undefined } {
  const directory = (require('swagger-ui-dist') as { getAbsoluteFSPath: () => string }).getAbsoluteFSPath();
  const names = new Set(readdirSync(directory).filter((name) => CONTENT_TYPES[extname(name)] !== undefined));
  const loaded = new Map<string, ServedDocument>();
  return {
    get(name) {
      if (!names.has(name)) return undefined;
      let document = loaded.get(name);
      if (document === undefined) {
        const body = OWN_FILES[name] !== undefined ? Buffer.from(OWN_FILES[name]) : readFileSync(join(directory, name));
        document = new ServedDocument(CONTENT_TYPES[extname(name)]!, body);
        loaded.set(name, document);
      }
      return document;
    },
  };
}

/**
 * The page of one area of the contract (`/docs/?area=rac`; the cluster's by default): links to
 * the other areas and to the whole contract, Swagger UI's bundle and our initializer, without the
 * standalone preset (268 kB of script for a top bar that picks another document), and the area's
 * document asked for at once (`preload`), so it downloads while the browser compiles the bundle.
 */
function indexHtmlOf(shown: ContractArea): string {
  const links = CONTRACT_AREAS.map((area) =>
    area === shown ? `<strong>${area.title}</strong>` : `<a href="/docs/?area=${area.id}">${area.title}</a>`,
  ).join(' · ');
  return `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="UTF-8">
    <title>RustyDB API: ${shown.title}</title>
    <link rel="preload" href="/openapi/${shown.id}.json" as="fetch" crossorigin="anonymous">
    <link rel="stylesheet" type="text/css" href="./swagger-ui.css">
    <link rel="icon" type="image/png" href="./favicon-32x32.png" sizes="32x32">
    <style>nav.areas { font-family: sans-serif; font-size: 14px; padding: 12px 20px; border-bottom: 1px solid #ddd; } nav.areas a { color: #1f69c0; }</style>
  </head>
  <body>
    <nav class="areas">${links} · <a href="/openapi.json">the whole contract (JSON)</a> · <a href="/openapi.yaml">(YAML)</a></nav>
    <div id="swagger-ui" data-contract="/openapi/${shown.id}.json"></div>
    <script src="./swagger-ui-bundle.js" charset="UTF-8"></script>
    <script src="./swagger-initializer.js" charset="UTF-8"></script>
  </body>
</html>
`;
}

/**
 * Points Swagger UI at our contract and keeps the API key across reloads. Operations are listed
 * with their tags open and their details closed, and the schema section is collapsed: expanding
 * every model of a 400-operation contract is most of Swagger UI's render time. The contract is
 * JSON, so it is read with JSON.parse: Swagger UI reads any document with its YAML parser, which
 * took a quarter of its start-up on our 850 kB contract. It starts as soon as the bundle has run,
 * not at the window's load event, which waits for the favicon too.
 */
const swaggerInitializer = `const JsonContract = () => ({
  statePlugins: {
    spec: {
      wrapActions: {
        parseToJson: (parseAsYaml, system) => (text) => {
          let json;
          try {
            json = JSON.parse(text || system.specSelectors.specStr());
          } catch {
            return parseAsYaml(text);
          }
          system.errActions.clear({ source: 'parser' });
          return system.specActions.updateJsonSpec(json);
        },
      },
    },
  },
});
// The browser test times the contract's part from here: the bundle has run, Swagger UI starts.
performance.mark('swagger-ui-start');
window.ui = SwaggerUIBundle({
  url: document.getElementById('swagger-ui').dataset.contract,
  dom_id: '#swagger-ui',
  deepLinking: true,
  persistAuthorization: true,
  docExpansion: 'list',
  defaultModelsExpandDepth: -1,
  presets: [SwaggerUIBundle.presets.apis],
  plugins: [SwaggerUIBundle.plugins.DownloadUrl, JsonContract],
  layout: 'BaseLayout',
});
`;

/** The files of swagger-ui-dist this server replaces with its own. */
const OWN_FILES: Readonly<Record<string, string>> = { 'index.html': indexHtmlOf(DEFAULT_CONTRACT_AREA), 'swagger-initializer.js': swaggerInitializer };
