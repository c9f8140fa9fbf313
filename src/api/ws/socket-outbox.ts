import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';
import type { OpenSocket, WebSocketLimits } from '../../services/platform/stream-registry.js';

/**
 * Close code for a client that fell behind. In the private range (4000-4999, RFC 6455 §7.4.2),
 * so it overloads no standard meaning: it mirrors 1008 (policy violation), the code this server
 * used for it before, and unlike graphql-ws's 44xx codes names no HTTP status. As with a
 * Kubernetes watch that expires, the client reconnects and resumes from its cursor: the close
 * reason names it (`slow consumer; resumeFrom=1234`).
 */
export const SLOW_CONSUMER_CLOSE_CODE = 4008;

/** The most one tick's frames wait behind a cork before they are written (a kernel socket buffer's worth). */
const MAX_CORKED_BYTES = 64 * 1024;

/** Frames go as text, bytes included (they hold JSON in UTF-8). */
const TEXT_FRAME = { binary: false } as const;

/**
 * One socket's outgoing frames. A client that stops reading fills the kernel's buffers, then the
 * socket's own: the frame that would take those past `maxQueuedBytes` is refused and the socket
 * closed with {@link SLOW_CONSUMER_CLOSE_CODE}, so memory never grows without bound. Frames
 * already queued still go out before the close frame. The registry counts a frame as queued
 * from the moment it is handed over until its write completes.
 */
export class SocketOutbox {
  private closing = false;
  /** Whether the TCP socket is corked until the next tick (see {@link send}). */
  private corked = false;
  /** Whether this tick began with a cork (once per tick, even if it was let go early). */
  private inTick = false;
  private bufferedBeforeTick = 0;
  private corkedBytes = 0;
  private readonly endTick = () => {
    this.inTick = false;
    this.letGo();
  };
  /**
   * Frames handed to the socket whose write has not completed, oldest first: their bytes, negative
   * for events. Writes complete in order, so one callback serves every frame (no closure per send).
   */
  private readonly writing: number[] = [];
  private writingHead = 0;
  private readonly onWritten = (error?: Error) => {
    const signed = this.writing[this.writingHead++]!;
    if (this.writingHead === this.writing.length) {
      this.writing.length = 0;
      this.writingHead = 0;
    }
    const bytes = Math.abs(signed);
    if (error) this.record.discarded(bytes);
    else this.record.written(bytes, signed < 0);
  };

  constructor(
    private readonly socket: WebSocket,
    private readonly record: OpenSocket,
    private readonly limits: Pick<WebSocketLimits, 'maxQueuedBytes'>,
    /** Called once the outbox closes the socket for falling behind: stop producing, and say where to resume. */
    private readonly onSlowConsumer: () => { resumeFrom?: number },
  ) {}

  /** The TCP socket under the WebSocket: ws has no public way to cork it (it corks per frame itself). */
  private get tcp(): Duplex | undefined {
    return (this.socket as unknown as { _socket?: Duplex })._socket;
  }

  /** Whether frames can still be sent. */
  get open(): boolean {
    return !this.closing && this.socket.readyState === this.socket.OPEN;
  }

  /** Sends one text frame (its JSON, as text or UTF-8 bytes); false when the socket is closed or closing, now or because this frame overflowed. */
  send(json: string | Buffer, isEvent: boolean): boolean {
    if (!this.open) return false;
    const bytes = typeof json === 'string' ? Buffer.byteLength(json) : json.length;
    // Events come in bursts (a cluster tick publishes several): the frames of one tick leave in one
    // write, not one system call each, which is most of a fan-out's cost with many sockets.
    if (!this.inTick && this.tcp !== undefined) {
      this.inTick = true;
      this.corked = true;
      this.corkedBytes = 0;
      // What the kernel had not taken before this tick: this tick's frames wait behind the cork.
      this.bufferedBeforeTick = this.socket.bufferedAmount;
      this.tcp.cork();
      process.nextTick(this.endTick);
    }
    // A burst larger than a cork may hold goes out at once, so the queue's bound is measured
    // against what the kernel really took, as without the cork.
    if (this.corked && this.corkedBytes + bytes > Math.min(MAX_CORKED_BYTES, this.limits.maxQueuedBytes / 2)) this.letGo();
    // Corked, the socket counts this tick's frames as unsent although they have not met the kernel
    // yet; what the queue really holds is what was unsent before the tick plus those frames.
    const buffered = this.corked ? this.bufferedBeforeTick + this.corkedBytes : this.socket.bufferedAmount;
    if (buffered > 0 && buffered + bytes > this.limits.maxQueuedBytes) {
      if (isEvent) this.record.dropped();
      this.closeAsSlowConsumer();
      return false;
    }
    this.record.queued(bytes);
    this.writing.push(isEvent ? -bytes : bytes);
    if (this.corked) this.corkedBytes += bytes;
    this.socket.send(json, TEXT_FRAME, this.onWritten);
    return true;
  }

  /** Sends a frame that is not an event (an acknowledgement, an error). */
  sendFrame(frame: object): boolean {
    return this.send(JSON.stringify(frame), false);
  }

  /** Closes the socket; frames already queued go out first. */
  close(code: number, reason: string): void {
    if (this.closing) return;
    this.closing = true;
    if (this.socket.readyState === this.socket.OPEN) this.socket.close(code, reason);
  }

  private letGo(): void {
    if (!this.corked) return;
    this.corked = false;
    this.tcp?.uncork();
  }

  private closeAsSlowConsumer(): void {
    this.closing = true;
    this.record.closedAsSlowConsumer();
    const { resumeFrom } = this.onSlowConsumer();
    const reason = resumeFrom === undefined ? 'slow consumer' : `slow consumer; resumeFrom=${resumeFrom}`;
    if (this.socket.readyState === this.socket.OPEN) this.socket.close(SLOW_CONSUMER_CLOSE_CODE, reason);
  }
}
