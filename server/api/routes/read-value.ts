import { Router } from 'express';
import { readValue } from '../../extract/read-value.js';
import type { Repository } from '../../store/repository.js';
import type { Value } from '../../core/schema-types.js';
import { badRequest } from '../errors.js';
import { REQUEST_SCHEMAS, validInput } from '../validation.js';

/** The reply of GET /api/read-value. */
export interface ValueReading {
  value: Value;
}

interface ReadValueQuery {
  text: string;
  source?: string;
  at?: string;
}

/**
 * GET /api/read-value?text=&source=&at=: the value selected words state, read by the extractor's own
 * readers (a claim made by hand starts from it). Reads only; changes nothing.
 */
export function readValueRoutes(repo: Repository): Router {
  const router = Router();
  router.get('/read-value', (req, res) => {
    const { query } = validInput<never, ReadValueQuery>(req, { query: REQUEST_SCHEMAS.readValueQuery });
    if (query.source === undefined) {
      res.json({ value: readValue(query.text) } satisfies ValueReading);
      return;
    }
    const text = repo.snapshot.analysis.corpus.texts.get(query.source);
    if (text === undefined)
      throw badRequest('unknown source', [{ at: '/query/source', message: `no source with id ${JSON.stringify(query.source)}` }]);
    const at = query.at === undefined ? text.length : Number(query.at);
    if (at > text.length)
      throw badRequest('offset past the text', [
        { at: '/query/at', message: `the source text has ${text.length} characters; at is ${at}` },
      ]);
    res.json({ value: readValue(query.text, { text, at }) } satisfies ValueReading);
  });
  return router;
}
