// The DevTools protocol over Chromium's --remote-debugging-pipe: JSON messages, each ended by a NUL byte,
// written to the browser's fd 3 and read from its fd 4. (Puppeteer has one, but does not export it.)
import type { Readable, Writable } from 'node:stream';
import type { ConnectionTransport } from 'puppeteer-core';

export class PipeTransport implements ConnectionTransport {
  onmessage?: (message: string) => void;
  onclose?: () => void;
  private pending: Buffer[] = [];
  private closed = false;

  constructor(private readonly toBrowser: Writable, fromBrowser: Readable) {
    fromBrowser.on('data', (chunk: Buffer) => this.receive(chunk));
    fromBrowser.on('close', () => this.onclose?.());
    // A browser that has gone away is reported by 'close' and by the exit of its process.
    fromBrowser.on('error', () => undefined);
    toBrowser.on('error', () => undefined);
  }

  send(message: string): void {
    if (this.closed) return;
    this.toBrowser.write(message);
    this.toBrowser.write('\0');
  }

  private receive(chunk: Buffer): void {
    let end = chunk.indexOf(0);
    if (end === -1) {
      this.pending.push(chunk);
      return;
    }
    let start = 0;
    let head: Buffer = Buffer.concat([...this.pending, chunk.subarray(0, end)]);
    this.pending = [];
    while (end !== -1) {
      const message = head.toString('utf8');
      // Delivered on a later turn, as Puppeteer's own transport does.
      setImmediate(() => this.onmessage?.(message));
      start = end + 1;
      end = chunk.indexOf(0, start);
      if (end !== -1) head = chunk.subarray(start, end);
    }
    if (start < chunk.length) this.pending.push(chunk.subarray(start));
  }

  close(): void {
    this.closed = true;
  }
}
