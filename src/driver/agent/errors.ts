// How talking to a guest agent fails, as Nova's AgentError family: the agent did not answer in time, the
// image has no agent or the agent does not know the command, or anything else (an error answer, a
// malformed reply, a dom0 plugin failure). Each is a typed error with a stable code; a refused request
// (an image without the agent) is raised before anything is recorded.
import { BaseUserError } from '../../errors.js';

export class AgentError extends BaseUserError {
  override readonly code: string = 'AGENT_ERROR';
  constructor(
    /** The agent command (version, key_init, password, inject_file, resetnetwork …). */
    readonly command: string,
    message: string,
    /** The agent's returncode, when it answered. */
    readonly returncode: string | null = null,
  ) {
    super(message);
  }
}

export class AgentTimeoutError extends AgentError {
  override readonly code: string = 'AGENT_TIMEOUT';
  constructor(command: string, seconds: number) {
    super(command, `The guest agent did not answer ${command} within ${seconds} s`);
  }
}

export class AgentNotImplementedError extends AgentError {
  override readonly code: string = 'AGENT_NOT_IMPLEMENTED';
}
