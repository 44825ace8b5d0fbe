import { Router } from 'express';
import { openApiDocument } from '../openapi.js';
import { REQUEST_SCHEMAS, validInput } from '../validation.js';

/** GET /api/openapi.json: the OpenAPI 3.1 description of every endpoint. Built once: it is static. */
export function openApiRoutes(): Router {
  const router = Router();
  const document = openApiDocument();
  router.get('/openapi.json', (req, res) => {
    validInput(req, { query: REQUEST_SCHEMAS.noQuery });
    res.json(document);
  });
  return router;
}
