// Curation aid: `npm run anchor [-- claims/<source>.json ...]` re-anchors every claim quote by its
// exact text (nearest the recorded offset) and fills in the footnote markers of its citations.
// Quotes that are not in the source text are reported and the file is left untouched.
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { anchorQuote, selectorProblem } from '../core/anchor.js';
import { markersClosingSentence, markersIn } from '../core/citations.js';
import type { Claim, Citation } from '../core/schema-types.js';
import { writeFileAtomic, toJsonFile } from '../store/atomic.js';
import { storeLayout } from '../store/layout.js';
import { printError, printLine } from './terminal.js';

const layout = storeLayout(process.env.CONCORDANCE_DATA);
const args = process.argv.slice(2);
const files =
  args.length > 0
    ? args.map((f) => path.resolve(f))
    : (await readdir(layout.claimsDir)).filter((f) => f.endsWith('.json')).map((f) => path.join(layout.claimsDir, f));

let failures = 0;
for (const file of files) {
  const claims = JSON.parse(await readFile(file, 'utf8')) as Claim[];
  const texts = new Map<string, string>();
  const problems: string[] = [];
  for (const claim of claims) {
    let text = texts.get(claim.source);
    if (text === undefined) {
      text = await readFile(layout.textFile(claim.source), 'utf8');
      texts.set(claim.source, text);
    }
    if (selectorProblem(text, claim.quote)) {
      const anchored = anchorQuote(text, claim.quote.exact, { near: claim.quote.start });
      if (!anchored) {
        problems.push(`${claim.id}: quote not found in ${claim.source}: ${JSON.stringify(claim.quote.exact)}`);
        continue;
      }
      claim.quote = anchored;
    }
    claim.citations = claim.citations.map((c) => withMarker(text!, claim, c, problems));
  }
  if (problems.length > 0) {
    failures += problems.length;
    printError(`${path.relative(process.cwd(), file)}: not written`);
    for (const p of problems) printError(`  ${p}`);
  } else {
    await writeFileAtomic(file, toJsonFile(claims));
    printLine(`${path.relative(process.cwd(), file)}: ${claims.length} claims anchored`);
  }
}
process.exit(failures > 0 ? 1 : 0);

function withMarker(text: string, claim: Claim, citation: Citation, problems: string[]): Citation {
  if (citation.marker && !selectorProblem(text, citation.marker)) return citation;
  const wanted = (m: { ref?: number }) => (citation.kind === 'reference' ? m.ref === citation.ref : m.ref === undefined);
  const closing =
    markersClosingSentence(text, claim.quote.end - 1).find(wanted) ?? markersIn(text, claim.quote.end, claim.quote.end + 600).find(wanted);
  if (!closing) {
    const label = citation.kind === 'reference' ? `[${citation.ref}]` : '[ citation needed ]';
    problems.push(`${claim.id}: no marker ${label} after the quote`);
    return citation;
  }
  return { ...citation, marker: closing.selector };
}
