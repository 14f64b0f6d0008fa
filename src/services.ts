// The application's services, built once at start-up and handed to resolvers through the context.
import type { DriverServices } from './operations/action.js';
import type { OperationRunner } from './operations/runner.js';

export interface AppServices extends DriverServices {
  /** Runs driver actions as durable Operations. */
  readonly operations: OperationRunner;
}
