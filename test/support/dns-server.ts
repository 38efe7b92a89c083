import { createSocket } from 'node:dgram';
import { decode, encode, type Packet } from 'dns-packet';

/**
 * A DNS server on a loopback UDP port answering TXT questions from `records` (a name's records,
 * each as its strings), NXDOMAIN for a name it does not hold. What Baton's resolver asks goes over
 * the wire as it would to any DNS server (`BATON_DNS_SERVERS`).
 */
export async function startDnsServer() {
  const records = new Map<string, string[][]>();
  const asked: string[] = [];
  const socket = createSocket('udp4');
  socket.on('message', (message, from) => {
    let query: Packet;
    try {
      query = decode(message);
    } catch {
      return;
    }
    const question = query.questions?.[0];
    if (!question) return;
    const name = question.name.toLowerCase();
    asked.push(name);
    const held = records.get(name);
    const answer = encode({
      id: query.id,
      type: 'response',
      flags: held ? 0x8400 : 0x8403, // an authoritative answer; NXDOMAIN (rcode 3) when unknown
      questions: [question],
      answers:
        held && question.type === 'TXT'
          ? held.map((chunks) => ({ type: 'TXT' as const, name: question.name, ttl: 60, data: chunks }))
          : [],
    });
    socket.send(answer, from.port, from.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const { port } = socket.address();
  return {
    /** For `BATON_DNS_SERVERS` / `config.dnsServers`. */
    servers: [`127.0.0.1:${port}`],
    /** Publishes (or with none, removes) the TXT records of `name`. */
    publish(name: string, ...txt: string[][]) {
      if (txt.length) records.set(name.toLowerCase(), txt);
      else records.delete(name.toLowerCase());
    },
    asked,
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}
