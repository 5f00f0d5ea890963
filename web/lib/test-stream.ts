/** A `text/event-stream` response whose chunks a test sends one by one (test helper). */
export function eventStream() {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
    },
  });
  const encoder = new TextEncoder();
  return {
    response: new Response(body, { status: 200, headers: { "Content-Type": "text/event-stream" } }),
    send(text: string) {
      controller.enqueue(encoder.encode(text));
    },
    frame(event: string, data: unknown) {
      controller.enqueue(encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`));
    },
    close() {
      controller.close();
    },
  };
}

export function problem(status: number, detail: string, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify({ status, detail }), { status, headers: { "Content-Type": "application/problem+json", ...headers } });
}
