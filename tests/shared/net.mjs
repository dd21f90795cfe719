// Network helpers shared by the e2e specs (tests/e2e) and the engine suite (tests/engines).
import net from 'node:net';

/** A loopback TCP port that was free a moment ago (the OS picks it; the listener is closed). */
export async function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}
