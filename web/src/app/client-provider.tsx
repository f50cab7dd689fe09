import { createContext, Fragment, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Provider, type Client } from 'urql';
import { createUrqlClient } from './urql-client';

interface ClientControl {
  /**
   * Starts over after the session changed (sign-in, registration, sign-out, a lost session): a new client
   * with an empty cache, and everything below remounted, so that no answer, page state or half-filled
   * form of the previous session survives. The URL is kept (it lives in the browser's history).
   */
  resetClient(): void;
}

const ClientControlContext = createContext<ClientControl | null>(null);

/** A lost session resets the client at most this often, so that a misbehaving server cannot make a loop. */
const MIN_RESET_INTERVAL_MS = 5_000;

interface ClientState {
  client: Client;
  generation: number;
}

export function ClientProvider({ children }: { children: ReactNode }) {
  const lastLostReset = useRef(0);
  const onSessionLost = useRef<() => void>(() => undefined);
  const [state, setState] = useState<ClientState>(() => ({
    client: createUrqlClient(() => onSessionLost.current()),
    generation: 0,
  }));

  const resetClient = useCallback(() => {
    setState((current) => ({ client: createUrqlClient(() => onSessionLost.current()), generation: current.generation + 1 }));
  }, []);

  useEffect(() => {
    onSessionLost.current = () => {
      const now = Date.now();
      if (now - lastLostReset.current < MIN_RESET_INTERVAL_MS) return;
      lastLostReset.current = now;
      resetClient();
    };
  }, [resetClient]);

  const control = useMemo(() => ({ resetClient }), [resetClient]);
  return (
    <ClientControlContext.Provider value={control}>
      <Provider value={state.client}>
        <Fragment key={state.generation}>{children}</Fragment>
      </Provider>
    </ClientControlContext.Provider>
  );
}

export function useClientControl(): ClientControl {
  const control = useContext(ClientControlContext);
  if (!control) throw new Error('useClientControl outside <ClientProvider>');
  return control;
}
