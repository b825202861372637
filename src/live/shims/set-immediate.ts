/**
 * `setImmediate` for the emulator's browser bundle (the core yields between stream events with it, as Node allows):
 * a MessageChannel message runs the callback after pending I/O, without setTimeout's 4 ms clamp.
 */
export function setImmediate(fn: () => void): void {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    fn();
  };
  channel.port2.postMessage(0);
}
