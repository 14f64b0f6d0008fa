// The driver's half of the guest agent's password exchange (Nova's SimpleDH): a Diffie-Hellman agreement
// over 2^107 − 1 with generator 5, public values and the shared secret as decimal strings, then the
// password encrypted as `openssl aes-128-cbc -A -a -nosalt -pass pass:<secret>` did with OpenSSL's MD5 key
// derivation. Done with node:crypto directly: newer openssl binaries derive with SHA-256 and warn on stderr,
// which no agent can decrypt.
import { createCipheriv, createHash, randomBytes } from 'node:crypto';

export const DH_PRIME = 162259276829213363391578010288127n;
export const DH_GENERATOR = 5n;

function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let square = base % modulus;
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * square) % modulus;
    square = (square * square) % modulus;
  }
  return result;
}

/** One key agreement: a fresh private value per password, as Nova made one per set_admin_password. */
export class AgentKeyAgreement {
  /** Nova's private value: 10 random bytes (80 bits), big-endian. */
  constructor(private readonly privateKey: bigint = BigInt(`0x${randomBytes(10).toString('hex')}`)) {}

  /** Sent with key_init. */
  get publicKey(): string {
    return modPow(DH_GENERATOR, this.privateKey, DH_PRIME).toString();
  }

  /** From the agent's public value (its key_init answer); refuses anything but a decimal number. */
  sharedSecret(agentPublic: string): string {
    if (!/^\d+$/.test(agentPublic)) throw new Error(`the agent's public key is not a decimal number: ${JSON.stringify(agentPublic.slice(0, 40))}`);
    return modPow(BigInt(agentPublic), this.privateKey, DH_PRIME).toString();
  }
}

/** OpenSSL's EVP_BytesToKey with MD5, one round, no salt: key = MD5(secret), iv = MD5(key ‖ secret). */
export function passwordCipherKey(sharedSecret: string): { key: Buffer; iv: Buffer } {
  const secret = Buffer.from(sharedSecret, 'ascii');
  const key = createHash('md5').update(secret).digest();
  const iv = createHash('md5').update(Buffer.concat([key, secret])).digest();
  return { key, iv };
}

/** AES-128-CBC with PKCS#7 padding, as standard base64 on one line (no Salted__ header). */
export function encryptForAgent(sharedSecret: string, plaintext: string): string {
  const { key, iv } = passwordCipherKey(sharedSecret);
  const cipher = createCipheriv('aes-128-cbc', key, iv);
  return Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]).toString('base64');
}
