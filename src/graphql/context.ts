// What every resolver receives: who is asking, a request id for logs and masked errors, and the services.
import type { AppServices } from '../services.js';

export type Role = 'reader' | 'operator' | 'admin';

export interface Principal {
  readonly tokenId: string;
  readonly name: string;
  readonly role: Role;
}

export interface GraphQLContext {
  readonly principal: Principal | null;
  readonly requestId: string;
  readonly services: AppServices;
}
