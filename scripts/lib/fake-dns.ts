import { createSocket, type RemoteInfo } from "node:dgram";
import type { AddressInfo } from "node:net";

// A small authoritative DNS server on UDP loopback that answers TXT questions from a table the
// test fills: the console's resolver (DNS_RESOLVER=127.0.0.1:<port>) talks real DNS to it. Names
// it does not know answer NXDOMAIN; a known name asked for another type answers no data.

export type FakeDns = {
  /** host:port, for DNS_RESOLVER. */
  address: string;
  setTxt: (name: string, values: string[]) => void;
  clear: (name: string) => void;
  close: () => Promise<void>;
};

const TXT = 16;

function readName(message: Buffer, start: number): { name: string; end: number } {
  const labels: string[] = [];
  let at = start;
  while (at < message.length && message[at] !== 0) {
    const length = message[at];
    if (length > 63) throw new Error("compressed or bad name in a question");
    labels.push(message.subarray(at + 1, at + 1 + length).toString("latin1"));
    at += 1 + length;
  }
  return { name: labels.join(".").toLowerCase(), end: at + 1 };
}

function txtData(value: string): Buffer {
  // A TXT record is strings of at most 255 bytes each.
  const bytes = Buffer.from(value, "utf8");
  const parts: Buffer[] = [];
  for (let at = 0; at < bytes.length || parts.length === 0; at += 255) {
    const chunk = bytes.subarray(at, at + 255);
    parts.push(Buffer.from([chunk.length]), chunk);
  }
  return Buffer.concat(parts);
}

/** The answer to one query, or null for a packet that is not a question. */
export function answer(query: Buffer, records: Map<string, string[]>): Buffer | null {
  if (query.length < 12 || (query[2] & 0x80) !== 0 || query.readUInt16BE(4) !== 1) return null;
  const { name, end } = readName(query, 12);
  const type = query.readUInt16BE(end);
  const question = query.subarray(12, end + 4);
  const values = records.get(name);
  const answers = values && type === TXT ? values : [];
  const header = Buffer.alloc(12);
  query.copy(header, 0, 0, 2);
  // QR, opcode 0, AA, RD copied; RA; NXDOMAIN for unknown names.
  header[2] = 0x84 | (query[2] & 0x01);
  header[3] = 0x80 | (values ? 0 : 3);
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(answers.length, 6);
  const records_ = answers.map((value) => {
    const data = txtData(value);
    const fixed = Buffer.alloc(12);
    fixed.writeUInt16BE(0xc00c, 0); // the question's name
    fixed.writeUInt16BE(TXT, 2);
    fixed.writeUInt16BE(1, 4);
    fixed.writeUInt32BE(60, 6);
    fixed.writeUInt16BE(data.length, 10);
    return Buffer.concat([fixed, data]);
  });
  return Buffer.concat([header, question, ...records_]);
}

export async function startFakeDns(port = 0): Promise<FakeDns> {
  const records = new Map<string, string[]>();
  const socket = createSocket("udp4");
  socket.on("message", (message: Buffer, from: RemoteInfo) => {
    try {
      const reply = answer(message, records);
      if (reply) socket.send(reply, from.port, from.address);
    } catch {
      // A malformed packet gets no answer, as from a real server that drops it.
    }
  });
  await new Promise<void>((resolve) => socket.bind(port, "127.0.0.1", resolve));
  const { port: bound } = socket.address() as AddressInfo;
  return {
    address: `127.0.0.1:${bound}`,
    setTxt: (name, values) => records.set(name.toLowerCase().replace(/\.$/, ""), values),
    clear: (name) => records.delete(name.toLowerCase().replace(/\.$/, "")),
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}
