import type { ParsedParams, RequestName, RequestResults } from '../../contract/index.js'

/** Serves one request: its parameters as the schema checked them, its result or a throw. */
export type ContractHandler<N extends RequestName> = (
  params: ParsedParams<N>,
) => RequestResults[N] | Promise<RequestResults[N]>

/** A handler for every request of the contract. */
export type ContractHandlers = { [N in RequestName]: ContractHandler<N> }

/** What one domain's `setupX()` gives the composition root. */
export interface DomainModule<N extends RequestName = never> {
  /** The requests this domain answers. */
  readonly handlers: Pick<ContractHandlers, N>
  /** Stops its timers and subscriptions; pending work fails together. Safe to call twice. */
  close(): void
}
