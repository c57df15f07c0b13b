/** Thrown when code touches a method or property the emulator does not implement. */
export class EmulatorUnsupported extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmulatorUnsupported';
  }
}

/** Thrown by a service call once RunOptions.abortAfterCalls is reached (a simulated crash). */
export class EmulatorAbort extends Error {
  constructor(message = 'Execution aborted by the emulator (abortAfterCalls)') {
    super(message);
    this.name = 'EmulatorAbort';
  }
}

/**
 * An error Apps Script itself would raise (message text as Apps Script gives it). The facade
 * layer rethrows it as an Error of the calling realm whose name is "Exception", so
 * String(e) reads "Exception: <message>" like on Google.
 */
export class ServiceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Exception';
  }
}
