// The guest agent's half of Nova's password exchange: a Diffie-Hellman key agreement over a small fixed
// group, then the password decrypted the way `openssl aes-128-cbc -nosalt -pass pass:<secret>` (MD5 key
// derivation) encrypted it. Written from the agent's side on purpose, independently of the driver's copy,
// so that a round trip between the two proves the wire format rather than one implementation agreeing with
// itself.
import { createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** 2^107 − 1, the Mersenne prime Nova and every agent use. */
const PRIME = 162259276829213363391578010288127n;
const GENERATOR = 5n;

function power(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let b = base % modulus;
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
  }
  return result;
}

export interface AgentKeyExchange {
  /** The agent's public value B, as the decimal string it answers keyinit with. */
  readonly publicKey: string;
  /** The shared secret as its decimal string: the passphrase of the password cipher. */
  readonly sharedSecret: string;
}

/** Answers a keyinit carrying the driver's public value A; `privateKey` is fixed only in tests. */
export function agentKeyExchange(driverPublic: string, privateKey: bigint = BigInt(`0x${randomBytes(16).toString('hex')}`)): AgentKeyExchange {
  if (!/^\d+$/.test(driverPublic)) throw new Error('the public key is not a decimal number');
  return {
    publicKey: power(GENERATOR, privateKey, PRIME).toString(),
    sharedSecret: power(BigInt(driverPublic), privateKey, PRIME).toString(),
  };
}

export class PasswordDecodeError extends Error {}

/**
 * Base64 ciphertext → plaintext. The key is MD5(secret) and the IV MD5(key ‖ secret) (OpenSSL's legacy
 * EVP_BytesToKey with MD5, one round, no salt); the padding is checked by hand, as the agents did.
 */
export function decryptAgentPassword(sharedSecret: string, base64: string): string {
  const text = base64.trim();
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0 || text === '') {
    throw new PasswordDecodeError('Couldn\'t decode base64 data');
  }
  const data = Buffer.from(text, 'base64');
  if (data.length % 16 !== 0) throw new PasswordDecodeError('Invalid password data received');
  const secret = Buffer.from(sharedSecret, 'ascii');
  const key = createHash('md5').update(secret).digest();
  const iv = createHash('md5').update(Buffer.concat([key, secret])).digest();
  const decipher = createDecipheriv('aes-128-cbc', key, iv).setAutoPadding(false);
  const padded = Buffer.concat([decipher.update(data), decipher.final()]);
  const pad = padded.at(-1) ?? 0;
  if (pad < 1 || pad > 16 || !padded.subarray(padded.length - pad).every((byte) => byte === pad)) {
    throw new PasswordDecodeError('Invalid password data received');
  }
  return padded.subarray(0, padded.length - pad).toString('utf8');
}
