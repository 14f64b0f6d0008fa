// The guest agent's mutations (Nova's set_admin_password, inject_file, reset_network) and
// instanceInjectNetworkInfo (inject_network_info). Each returns at once with its Operation; an instance whose
// image has no agent is refused with AgentNotImplementedError, having changed nothing.
import {
  injectFileAction, injectNetworkInfoAction, MAX_INJECTED_FILE_BYTES, MAX_INJECTED_PATH_LENGTH, resetNetworkAction,
  setAdminPasswordAction,
} from '../driver/actions/agent.js';
import { AgentNotImplementedError } from '../driver/agent/errors.js';
import { userErrorType } from './errors.js';
import { instanceActionField } from './instance-actions.js';
import { boundedBase64, boundedText } from './input-bounds.js';

userErrorType(AgentNotImplementedError, 'AgentNotImplementedError', {
  description: 'The instance\'s guest agent cannot do this: its image has no agent (image property xenapi_use_agent).',
  fields: (t) => ({ command: t.exposeString('command', { description: 'The agent command that was asked for.' }) }),
});

const agentErrors = [AgentNotImplementedError];

instanceActionField('instanceSetAdminPassword', {
  description: 'Sets the guest\'s root/Administrator password through its agent (Diffie-Hellman key exchange, then the '
    + 'password encrypted with the shared key). The password is never stored. Fails AGENT_TIMEOUT when the agent does not answer.',
  action: setAdminPasswordAction,
  inputFields: (t) => ({ password: t.string({ required: true, ...boundedText(255, { min: 1 }) }) }),
  toInput: (input: { password: string }) => ({ password: input.password }),
  errors: agentErrors,
});

instanceActionField('instanceInjectFile', {
  description: `Writes a file into the running guest through its agent: the exact bytes at the path (at most ${MAX_INJECTED_FILE_BYTES} bytes).`,
  action: injectFileAction,
  inputFields: (t) => ({
    path: t.string({ required: true, ...boundedText(MAX_INJECTED_PATH_LENGTH, { min: 1, description: 'Where the guest puts the file.' }) }),
    contents: t.string({ required: true, ...boundedBase64(MAX_INJECTED_FILE_BYTES, 'The file\'s bytes.') }),
  }),
  toInput: (input: { path: string; contents: string }) => ({ path: input.path, contents: input.contents }),
  probeInput: { path: '/probe', contents: '' },
  errors: agentErrors,
});

instanceActionField('instanceResetNetwork', {
  description: 'Asks the guest agent to reconfigure the guest\'s interfaces and hostname from vm-data/networking and vm-data/hostname.',
  action: resetNetworkAction,
  toInput: () => ({}),
  errors: agentErrors,
});

instanceActionField('instanceInjectNetworkInfo', {
  description: 'Writes each interface\'s addresses to vm-data/networking/<mac> of the VM\'s xenstore (and the live one when '
    + 'it runs); needs no agent. Follow with instanceResetNetwork for an agent to apply them.',
  action: injectNetworkInfoAction,
  toInput: () => ({}),
});
