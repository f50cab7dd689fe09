import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import { execute, GraphQLError, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import type { RequestContext } from '../common/request-context';

type Gateway = ApolloServerOptionsWithGateway<RequestContext>['gateway'];
type Request = Parameters<NonNullable<Awaited<ReturnType<Gateway['load']>>['executor']>>[0];

/** A document's compiled operations, by name ('' for an unnamed one). */
type CompiledOperations = Map<string, CompiledQuery | ExecutionResult>;

/**
 * graphql-jit's error as graphql-js's own: the same message, locations, path, extensions and original
 * error, but with the ordinary writable properties that Apollo's plugins count on (graphql-armor rewrites
 * a message that suggests field names; graphql-jit's errors have read-only messages).
 */
function ordinaryError(error: GraphQLError): GraphQLError {
  const ordinary = new GraphQLError(error.message, {
    path: error.path,
    originalError: error.originalError ?? undefined,
    extensions: error.extensions,
  });
  Object.defineProperty(ordinary, 'locations', { value: error.locations, enumerable: error.locations !== undefined, writable: true });
  return ordinary;
}

/**
 * Executes operations with graphql-jit instead of graphql-js's interpreter: a (document, operation)
 * asked for `compileAfter` times is compiled into a function specialised for its selection — the fields
 * it reads, their types, their resolvers — which runs every time it comes again. The public dashboard's
 * query reads ~1,500 fields a request: interpreting them was the biggest part of its Node CPU after the
 * SQL (5.96 against 8.97 ms a request, measured side by side). Compiling costs ~4 ms for a console query,
 * ~40 ms for the largest, many times what interpreting it once does: a text asked for once or twice (a
 * third party's one-off query, or a flood of distinct ones) is interpreted by graphql-js as before, and
 * never compiled. Apollo parses and validates as before and keeps parsed documents (its document store
 * hands out the same DocumentNode for the same text): a document's count lives as long as Apollo keeps
 * it, and the `maxCompiled` documents used last stay compiled (an evicted one is counted again from
 * nothing, and compiled after `compileAfter` more executions).
 *
 * Plugged in as Apollo's gateway (its documented executor hook): Apollo's request pipeline, plugins,
 * validation rules, error formatting and HTTP handling stay as they are; only execution changes. A field
 * error nulls up to the nearest nullable field, with its path, as in graphql-js. Variables that cannot be
 * coerced stop an operation before any resolver runs; its errors are then graphql-js's own (run again by
 * graphql-js, which stops at the same place), which Apollo turns into BAD_USER_INPUT with status 400.
 */
export function compiledExecution(
  schema: GraphQLSchema,
  { compileAfter = 3, maxCompiled = 200 }: { compileAfter?: number; maxCompiled?: number } = {},
): Gateway {
  // Executions so far, per document: as long as Apollo keeps the document.
  const executions = new WeakMap<DocumentNode, number>();
  // The compiled documents, the most recently used last: at most maxCompiled are kept, whatever Apollo's
  // store holds (a compiled operation's code is many times its document's size).
  const compiledDocuments = new Map<DocumentNode, CompiledOperations>();
  const interpret = (request: Request) =>
    execute({
      schema,
      document: request.document,
      contextValue: request.context,
      variableValues: request.request.variables,
      operationName: request.operationName ?? undefined,
    });
  const compiled = (request: Request): CompiledQuery | ExecutionResult | null => {
    const { document } = request;
    let operations = compiledDocuments.get(document);
    if (operations === undefined) {
      const count = (executions.get(document) ?? 0) + 1;
      executions.set(document, count);
      if (count < compileAfter) return null;
      operations = new Map();
      if (compiledDocuments.size >= maxCompiled) {
        // The one used longest ago makes room, and counts from nothing again: a cycle of more documents
        // than are kept costs one compilation per compileAfter executions, as new documents do.
        const evicted = compiledDocuments.keys().next().value!;
        compiledDocuments.delete(evicted);
        executions.delete(evicted);
      }
    } else compiledDocuments.delete(document);
    compiledDocuments.set(document, operations);
    const key = request.operationName ?? '';
    let operation = operations.get(key);
    if (operation === undefined) {
      operation = compileQuery(schema, document, request.operationName ?? undefined);
      operations.set(key, operation);
    }
    return operation;
  };
  let listener: Parameters<Gateway['onSchemaLoadOrUpdate']>[0] | null = null;
  return {
    onSchemaLoadOrUpdate(callback) {
      listener = callback;
      return () => {
        listener = null;
      };
    },
    async load() {
      // The schema is fixed for the process's life: announced once, never updated.
      listener?.({ apiSchema: schema, coreSupergraphSdl: '' });
      return {
        executor: async (request) => {
          const operation = compiled(request);
          if (operation === null || !isCompiledQuery(operation)) return interpret(request);
          const result = await operation.query(undefined, request.context, request.request.variables ?? {});
          // No data at all: the variables were refused before anything ran.
          if (result.data === undefined) return interpret(request);
          return result.errors ? { ...result, errors: result.errors.map(ordinaryError) } : result;
        },
      };
    },
    async stop() {
      listener = null;
    },
  };
}
