// The two shapes most endpoints take — a list, and one record by id — so each feature's route
// module only names its path and its view, and validation and 404s behave the same everywhere.
import type { Router } from 'express';
import type { Analysis } from '../../analysis/analyse.js';
import type { Repository } from '../../store/repository.js';
import { found } from '../errors.js';
import { REQUEST_SCHEMAS, validInput } from '../validation.js';

export interface IdParams {
  id: string;
}

/** A list endpoint without parameters: `{ count, items }`. */
export function listRoute<T>(router: Router, path: string, repo: Repository, list: (analysis: Analysis) => T[]): void {
  router.get(path, (req, res) => {
    validInput(req, { query: REQUEST_SCHEMAS.noQuery });
    const items = list(repo.snapshot.analysis);
    res.json({ count: items.length, items });
  });
}

/** A record by its id (`:id` in `path`): 400 for a malformed id, 404 for an unknown one. */
export function detailRoute<T>(
  router: Router,
  path: string,
  repo: Repository,
  what: string,
  view: (analysis: Analysis, id: string) => T | undefined,
): void {
  router.get(path, (req, res) => {
    const { params } = validInput<IdParams>(req, { params: REQUEST_SCHEMAS.idParams, query: REQUEST_SCHEMAS.noQuery });
    res.json(found(view(repo.snapshot.analysis, params.id), what, params.id));
  });
}
