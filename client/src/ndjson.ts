// Newline-delimited JSON from a streamed response body: one parsed value per line, as lines arrive
// (a line split across network chunks is joined first). Blank lines are skipped.
export async function* ndjsonLines(body: ReadableStream<Uint8Array>): AsyncGenerator<unknown> {
  const reader = body.getReader();
  // stream: true keeps a UTF-8 sequence split across chunks whole.
  const decoder = new TextDecoder();
  let buffered = '';
  for (;;) {
    const { value, done } = await reader.read();
    buffered += done ? decoder.decode() : decoder.decode(value, { stream: true });
    let newline: number;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, newline).trim();
      buffered = buffered.slice(newline + 1);
      if (line) yield JSON.parse(line);
    }
    if (done) break;
  }
  if (buffered.trim()) yield JSON.parse(buffered);
}
