import net from 'node:net';

/**
 * Opens `count` connections that hold a server the way a slow-loris client does — a third send half a
 * header, a third announce a body and trickle it, a third send nothing — and resolves once the server
 * has closed every one of them.
 */
export function slowClientsClosed(port: number, count: number, requests: { halfHeader: string; slowBody: string }): Promise<void[]> {
  return Promise.all(
    Array.from({ length: count }, (_, i) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.on('error', () => {});
      socket.on('connect', () => {
        if (i % 3 === 0) socket.write(requests.halfHeader);
        if (i % 3 === 1) socket.write(requests.slowBody);
      });
      const timer = setInterval(() => socket.writable && socket.write(i % 3 === 0 ? 'X' : ' '), 100);
      return new Promise<void>((resolve) =>
        socket.on('close', () => {
          clearInterval(timer);
          resolve();
        }),
      );
    }),
  );
}
