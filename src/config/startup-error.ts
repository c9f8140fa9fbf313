/** A start that failed for a reason the operator can fix (a busy port, a data dir it cannot create): one line, exit 1. */
export class StartupError extends Error {
  readonly exitCode = 1;
}

/** What went wrong binding `host:port`, in one line that names the setting to change. */
export function listenProblemOf(error: NodeJS.ErrnoException, address: { host: string; port: number }): string {
  switch (error.code) {
    case 'EADDRINUSE':
      return `port ${address.port} is in use: set PORT or --port`;
    case 'EACCES':
      return `port ${address.port} needs privileges this process lacks: set PORT or --port to 1024 or above`;
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
      return `host ${address.host} is not an address of this machine: set HOST or --host`;
    default:
      return `cannot listen on ${address.host}:${address.port} (${error.code ?? error.message})`;
  }
}
