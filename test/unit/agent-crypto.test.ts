// The guest agent's password exchange, both halves: Nova's Diffie-Hellman and OpenSSL-compatible encryption
// on the driver's side, the agent's decryption in the simulated guest, checked against the reference's test
// vectors and against each other; and how the driver reads the agent's answers.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { agentReplyMessage } from '../../src/driver/agent/client.js';
import { AgentKeyAgreement, encryptForAgent, passwordCipherKey } from '../../src/driver/agent/crypto.js';
import { AgentError, AgentNotImplementedError } from '../../src/driver/agent/errors.js';
import { agentKeyExchange, decryptAgentPassword } from '../../src/simulator/classes/guest-agent-crypto.js';

describe('guest agent password crypto', () => {
  it('derives key and IV as openssl -md md5 -nosalt does and encrypts to the known ciphertext', () => {
    const { key, iv } = passwordCipherKey('123456789012345678901234567890');
    assert.equal(key.toString('hex'), 'a46857f0ecc21f0a06ea434b94d9cf1d');
    assert.equal(iv.toString('hex'), '812e3f64a62569527b529ad66eb0b74a');
    assert.equal(encryptForAgent('123456789012345678901234567890', 'hunter2\n'), 'hKljbjseEJdPfzPBdkLWPg==');
  });

  it('agrees on the shared secret with fixed private values, as in the reference exchange', () => {
    const driver = new AgentKeyAgreement(0x0102030405060708090an);
    assert.equal(driver.publicKey, '72934389420761065950890858028106');
    const agent = agentKeyExchange(driver.publicKey, 0x00112233445566778899aabbccddeeffn);
    assert.equal(agent.publicKey, '10213771857304028832860390748511');
    const secret = driver.sharedSecret(agent.publicKey);
    assert.equal(secret, '41320467447028654580417112609789');
    assert.equal(agent.sharedSecret, secret);
    assert.equal(encryptForAgent(secret, 'hunter2\n'), 'DSFkiku5am4hFwIwk7lTxw==');
  });

  it('round-trips passwords through a random exchange to the agent\'s decryption', () => {
    for (const password of ['s3cret', 'exactly-16-bytes', 'pässwörd with spaces ✓', 'x'.repeat(255)]) {
      const driver = new AgentKeyAgreement();
      assert.ok(BigInt(driver.publicKey) < 162259276829213363391578010288127n);
      const agent = agentKeyExchange(driver.publicKey);
      const ciphertext = encryptForAgent(driver.sharedSecret(agent.publicKey), `${password}\n`);
      assert.match(ciphertext, /^[A-Za-z0-9+/]+={0,2}$/, 'one line of standard base64');
      assert.equal(decryptAgentPassword(agent.sharedSecret, ciphertext), `${password}\n`);
    }
  });

  it('makes the agent refuse what it cannot decode, as the agents answer', () => {
    assert.throws(() => decryptAgentPassword('1', 'not base64!'), /Couldn't decode base64 data/);
    assert.throws(() => decryptAgentPassword('1', 'AAAA'), /Invalid password data received/, 'not whole blocks');
    assert.throws(() => decryptAgentPassword('41320467447028654580417112609789', 'hKljbjseEJdPfzPBdkLWPg=='), /Invalid password data received/, 'wrong key');
    assert.throws(() => new AgentKeyAgreement().sharedSecret('12ab'), /not a decimal number/);
  });
});

describe('guest agent answers', () => {
  it('gives the message of a success, without the literal \\r\\n old Windows agents append', () => {
    assert.equal(agentReplyMessage('version', '{"returncode": "0", "message": "1.0.0.0\\\\r\\\\n"}'), '1.0.0.0');
    assert.equal(agentReplyMessage('key_init', '{"returncode": "D0", "message": "123"}', ['D0']), '123');
    assert.equal(agentReplyMessage('resetnetwork', '{"returncode": "500", "message": ""}', ['0', '500']), '');
  });

  it('turns refusals, unknown commands and garbage into typed errors', () => {
    assert.throws(() => agentReplyMessage('password', '{"returncode": "500", "message": "Password without key exchange"}'), (error: unknown) => {
      assert.ok(error instanceof AgentError);
      assert.deepEqual([error.code, error.returncode], ['AGENT_ERROR', '500']);
      assert.match(error.message, /Password without key exchange/);
      return true;
    });
    assert.throws(() => agentReplyMessage('agentupdate', '{"returncode": "404", "message": "No such agent command \'agentupdate\'"}'),
      (error: unknown) => error instanceof AgentNotImplementedError && error.code === 'AGENT_NOT_IMPLEMENTED');
    assert.throws(() => agentReplyMessage('version', 'None'), (error: unknown) => error instanceof AgentError && error.code === 'AGENT_ERROR');
    assert.throws(() => agentReplyMessage('version', '{"returncode": 0}'), AgentError);
  });
});
