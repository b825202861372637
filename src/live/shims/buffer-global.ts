/** `Buffer` as a global for the emulator's browser bundle (the core uses it without importing it, as Node allows). */
export { Buffer } from "buffer";
