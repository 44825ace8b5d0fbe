// A seeded mix of review writes fired concurrently at a running server: PATCH accept / edit /
// reject with the right If-Match (versions tracked here, a 412 answered by retrying at the version
// the server reports), and POST /api/claims with quotes copied from existing claims. Every 2xx is
// recorded: those are the writes the server promised are durable.
import { Agent, request } from 'node:http';
import type { Claim } from '../../server/core/schema-types.js';

/** mulberry32: a tiny seeded PRNG, so a failing crash run can be replayed from its logged seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type WriteOp =
  | { kind: 'accept' | 'reject'; claim: string; n: number }
  | { kind: 'edit'; claim: string; n: number; value?: Claim['value'] }
  | { kind: 'create'; n: number; from: Claim };

/** A write the server answered with 2xx, and the claim record it answered with. */
export interface Acked {
  op: WriteOp;
  claim: Claim;
}

export interface RunResult {
  acked: Acked[];
  /** Requests that got no answer (connection reset or refused by the kill). */
  unanswered: number;
  /** 412 answers that were retried. */
  retried: number;
  /** Answers other than 2xx and 412: a healthy run has none. */
  refused: { op: WriteOp; status: number; body: string }[];
}

/** `count` writes over `claims`: mostly patches of a pool of claims, some creations. */
export function planWrites(claims: Claim[], count: number, random: () => number): WriteOp[] {
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!;
  // A pool smaller than the claim count, so concurrent lanes meet on the same claim and 412s happen.
  const pool = Array.from({ length: 80 }, () => pick(claims));
  const ops: WriteOp[] = [];
  for (let n = 0; n < count; n++) {
    const r = random();
    const target = pick(pool);
    if (r < 0.15) ops.push({ kind: 'create', n, from: pick(claims) });
    else if (r < 0.45) ops.push({ kind: 'accept', claim: target.id, n });
    else if (r < 0.6) ops.push({ kind: 'reject', claim: target.id, n });
    else ops.push({ kind: 'edit', claim: target.id, n, value: editedValue(target, n) });
  }
  return ops;
}

/** A changed amount for plain quantities (parts and ranges have arithmetic rules); else no value edit. */
function editedValue(claim: Claim, n: number): Claim['value'] | undefined {
  const v = claim.value;
  if (v.type !== 'quantity' || v.parts || (v.comparator !== 'exact' && v.comparator !== 'approx')) return undefined;
  return { ...v, amount: v.amount + n + 1 };
}

export interface FireOptions {
  base: string;
  ops: WriteOp[];
  /** Requests in flight at once. */
  lanes: number;
  /** Called after every acknowledged write with the count so far (the crash test kills from here). */
  onAck?: (count: number) => void;
}

/** Runs every op until done or until the server goes away; never throws for a dead server. */
export async function fireWrites({ base, ops, lanes, onAck }: FireOptions): Promise<RunResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: lanes });
  const versions = new Map<string, number>();
  const result: RunResult = { acked: [], unanswered: 0, retried: 0, refused: [] };
  let next = 0;
  let dead = false;
  const lane = async () => {
    while (!dead && next < ops.length) {
      const op = ops[next++]!;
      for (let attempt = 0; attempt < 20 && !dead; attempt++) {
        const reply = await send(agent, base, op, versions).catch(() => undefined);
        if (!reply) {
          result.unanswered++;
          dead = true;
          break;
        }
        if (reply.status === 412 && op.kind !== 'create') {
          result.retried++;
          versions.set(op.claim, (JSON.parse(reply.body) as { details: Claim }).details.version ?? 1);
          continue;
        }
        if (reply.status >= 200 && reply.status < 300) {
          const claim = JSON.parse(reply.body) as Claim;
          versions.set(claim.id, Math.max(versions.get(claim.id) ?? 1, claim.version ?? 1));
          result.acked.push({ op, claim });
          onAck?.(result.acked.length);
        } else {
          result.refused.push({ op, status: reply.status, body: reply.body });
        }
        break;
      }
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  agent.destroy();
  return result;
}

function send(agent: Agent, base: string, op: WriteOp, versions: Map<string, number>): Promise<{ status: number; body: string }> {
  const note = `crash-test write ${op.n}`;
  if (op.kind === 'create') {
    const { source, subject, property, value, wording, scope, quote } = op.from;
    const body = {
      source,
      subject,
      property,
      value,
      wording,
      ...(scope ? { scope } : {}),
      quote: { exact: quote.exact, start: quote.start },
      note,
    };
    return post(agent, `${base}/api/claims`, 'POST', body, {});
  }
  const body =
    op.kind === 'edit'
      ? { action: 'edit', wording: `edited by write ${op.n}`, ...(op.value ? { value: op.value } : {}), note }
      : { action: op.kind, note };
  return post(agent, `${base}/api/claims/${op.claim}`, 'PATCH', body, { 'if-match': `"${versions.get(op.claim) ?? 1}"` });
}

function post(
  agent: Agent,
  url: string,
  method: string,
  body: unknown,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method, agent, headers: { 'content-type': 'application/json', 'x-reviewer': 'crash test', ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
        res.on('aborted', () => reject(new Error('response aborted')));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}
