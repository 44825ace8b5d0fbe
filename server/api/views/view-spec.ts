// The view a query names (?view=&id=&hops=&limit=), as /api/graph and /api/export both take it.
import { DEFAULT_VIEW_LIMIT, type ViewSpec } from '../../analysis/views.js';
import { badRequest } from '../errors.js';
import { DEFAULT_OVERVIEW_LIMIT } from './ranking.js';

export interface ViewQuery {
  view?: ViewSpec['kind'] | 'overview';
  id?: string;
  hops?: string;
  limit?: string;
}

export function viewSpecOf(query: ViewQuery): ViewSpec {
  const limit = query.limit ? Number(query.limit) : DEFAULT_VIEW_LIMIT;
  const needId = () => {
    if (!query.id) throw badRequest('invalid query', [{ at: '/query/id', message: `is required for view=${query.view}` }]);
    return query.id;
  };
  switch (query.view) {
    case 'conflicts':
      return { kind: 'conflicts', limit };
    case 'entity':
      return { kind: 'entity', id: needId(), limit };
    case 'source':
      return { kind: 'source', id: needId(), limit };
    case 'neighbourhood':
      return { kind: 'neighbourhood', node: needId(), hops: query.hops ? Number(query.hops) : 1, limit };
    default:
      return { kind: 'all' };
  }
}

/** What /api/graph can send: a view of the graph, or the entity overview (server/api/views/overview.ts). */
export type GraphViewSpec = ViewSpec | { kind: 'overview'; limit: number };

export function graphViewSpecOf(query: ViewQuery): GraphViewSpec {
  if (query.view === 'overview') return { kind: 'overview', limit: query.limit ? Number(query.limit) : DEFAULT_OVERVIEW_LIMIT };
  return viewSpecOf(query);
}
