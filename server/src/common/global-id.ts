import {
  defaultFieldResolver,
  isInputObjectType,
  isListType,
  isNonNullType,
  type GraphQLInputObjectType,
  type GraphQLInputType,
} from 'graphql';
import { isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { createParameterDecorator, Extensions, Field, ID, type MiddlewareFn } from 'type-graphql';
import { AppError } from './app-error';

/**
 * Global object identification (the Relay convention): every `id` the API gives is opaque and names its
 * type — base64url of `Type:uuid` — so a client cache can normalise any object and refetch it with
 * `node(id:)`. Arguments take the global id of the type they expect; a raw uuid is accepted too, so
 * clients written before global ids keep working. Encoding and decoding happen here and nowhere else.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DECODED = /^([A-Za-z]+):([0-9a-f-]{36})$/i;

/** What an id argument's description ends with. */
export const GLOBAL_ID_NOTE = 'A global id; a raw uuid is accepted too.';

/** The extension that marks a field as holding the id of a type (read by `applyGlobalIds` and `decodeGlobalIds`). */
const EXTENSION = 'globalIdOf';

export function toGlobalId(type: string, id: string): string {
  return Buffer.from(`${type}:${id}`).toString('base64url');
}

/** The type and uuid a global id stands for; a raw uuid has no type. Null when it is neither. */
export function parseGlobalId(value: string): { type: string | null; id: string } | null {
  if (UUID.test(value)) return { type: null, id: value.toLowerCase() };
  if (!/^[A-Za-z0-9_-]+$/.test(value)) return null;
  const match = DECODED.exec(Buffer.from(value, 'base64url').toString('utf8'));
  if (!match || !UUID.test(match[2])) return null;
  return { type: match[1], id: match[2].toLowerCase() };
}

/** The type an id stands for, the types it may stand for (e.g. an actor: a user or an API token), or any type. */
type IdType = string | readonly string[];

/** Any type: the subject of an audit entry, whose type is beside it. */
const ANY_TYPE = '*';

/** The uuid of a `type` id given as a global id or a raw uuid; INVALID_ID for anything else or an id of another type. */
export function idOf(type: IdType, value: string, field = 'id'): string {
  const parsed = parseGlobalId(value);
  if (!parsed) throw new AppError('INVALID_ID', `${field} is not a valid id`, { [field]: 'Not a valid id' });
  const expected = typeof type === 'string' ? [type] : type;
  if (parsed.type !== null && type !== ANY_TYPE && !expected.includes(parsed.type)) {
    const wanted = expected.join(' or ');
    throw new AppError('INVALID_ID', `${field} is the id of a ${parsed.type}, not of a ${wanted}`, { [field]: `Not a ${wanted} id` });
  }
  return parsed.id;
}

/** A nullable `idOf`: no id stays no id. */
function maybeIdOf(type: IdType, value: unknown, field: string): unknown {
  return typeof value === 'string' ? idOf(type, value, field) : value;
}

/** An id argument of the given type: the resolver receives the uuid (decoded from the global id), or null when optional and absent. */
export function IdArg(type: string, name: string, options: { description: string; nullable?: boolean }) {
  return createParameterDecorator(({ args }) => maybeIdOf(type, args[name], name) ?? null, {
    arg: { name, typeFunc: () => ID, options: { nullable: options.nullable, description: `${options.description} ${GLOBAL_ID_NOTE}` } },
  });
}

/** A list of ids of the given type (a bulk action): the resolver receives their uuids; a bad one is named by its index (`ids.2`). */
export function IdsArg(type: string, name: string, options: { description: string }) {
  return createParameterDecorator(({ args }) => (args[name] as string[]).map((value, index) => idOf(type, value, `${name}.${index}`)), {
    arg: { name, typeFunc: () => [ID], options: { description: `${options.description} ${GLOBAL_ID_NOTE}` } },
  });
}

/**
 * A field that holds the id of another type, e.g. `regionId`. On an input, the service receives the
 * uuid (decoded by `decodeGlobalIds`); on an output, the client receives the global id (`applyGlobalIds`).
 */
export function GlobalIdField(
  type: IdType,
  options: { description: string; nullable?: boolean; output?: boolean; list?: boolean },
): PropertyDecorator {
  return (target, key) => {
    const description = options.output ? options.description : `${options.description} ${GLOBAL_ID_NOTE}`;
    Field(() => (options.list ? [ID] : ID), { nullable: options.nullable, description })(target, key);
    Extensions({ [EXTENSION]: type })(target, key);
  };
}

/**
 * A text filter on the id of an object of any type (an audit entry's subject): it keeps its type in
 * the schema (String) and takes the global id or the raw uuid.
 */
export function AnyGlobalId(): PropertyDecorator {
  return (target, key) => Extensions({ [EXTENSION]: ANY_TYPE })(target, key);
}

/** Decodes the global ids of the input objects of an operation's arguments, in place (part of the one input layer). */
export const decodeGlobalIds: MiddlewareFn = ({ args, info }, next) => {
  const definition = info.parentType.getFields()[info.fieldName];
  for (const argument of definition?.args ?? []) {
    if (args[argument.name] != null) args[argument.name] = decodeValue(argument.type, args[argument.name], argument.name);
  }
  return next();
};

function decodeValue(type: GraphQLInputType, value: unknown, path: string): unknown {
  if (!holdsIds(type)) return value;
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner) && Array.isArray(value)) return value.map((item, index) => decodeValue(inner.ofType, item, `${path}[${index}]`));
  if (!isInputObjectType(inner) || value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  for (const { name, idType, type: fieldType } of decodedFieldsOf(inner)) {
    if (record[name] == null) continue;
    const given = record[name];
    // A list of ids (`list: true`): each decoded, a bad one named by its index (`termIds.2`).
    if (idType && Array.isArray(given)) record[name] = given.map((item, index) => maybeIdOf(idType, item, `${name}.${index}`));
    else record[name] = idType ? maybeIdOf(idType, given, name) : decodeValue(fieldType, given, name);
  }
  return record;
}

/** A field of an input object that holds an id (`idType`), or an input object or list of them that holds some. */
interface DecodedField {
  name: string;
  idType: IdType | undefined;
  type: GraphQLInputType;
}

/**
 * The fields of each input object type that `decodeValue` visits, worked out once per type: the others
 * (and whole lists of objects without ids, such as a ballot's answers) are not walked on every request.
 */
const decodedFields = new WeakMap<GraphQLInputObjectType, readonly DecodedField[]>();
/** Types whose fields are being worked out: a type that contains itself is taken to hold ids (walked, as before). */
const decoding = new Set<GraphQLInputObjectType>();

function decodedFieldsOf(type: GraphQLInputObjectType): readonly DecodedField[] {
  let fields = decodedFields.get(type);
  if (!fields) {
    decoding.add(type);
    try {
      fields = Object.entries(type.getFields())
        .map(([name, field]) => ({ name, idType: field.extensions[EXTENSION] as IdType | undefined, type: field.type }))
        .filter((field) => field.idType !== undefined || holdsIds(field.type));
    } finally {
      decoding.delete(type);
    }
    decodedFields.set(type, fields);
  }
  return fields;
}

/** Whether a value of this input type may hold ids to decode (an input object with such fields, or a list of them). */
function holdsIds(type: GraphQLInputType): boolean {
  let inner = type;
  while (isNonNullType(inner) || isListType(inner)) inner = inner.ofType;
  if (!isInputObjectType(inner)) return false;
  return decoding.has(inner) || decodedFieldsOf(inner).length > 0;
}

/**
 * Gives out global ids: the `id` of every type that implements Node is encoded with the type's name,
 * and every field marked by `GlobalIdField` with the type it names. Wraps the fields' resolvers once,
 * after the schema is built.
 */
export function applyGlobalIds(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const isNode = type.getInterfaces().some((face) => face.name === 'Node');
    for (const field of Object.values(type.getFields())) {
      // An output names one type (an input may accept several).
      const idType = field.name === 'id' && isNode ? type.name : field.extensions[EXTENSION];
      if (typeof idType === 'string' && idType !== ANY_TYPE) field.resolve = encoding(idType, field.resolve ?? defaultFieldResolver);
    }
  }
  return schema;
}

function encoding(type: string, resolve: GraphQLFieldResolver<unknown, unknown>): GraphQLFieldResolver<unknown, unknown> {
  const encode = (value: unknown) => (typeof value === 'string' ? toGlobalId(type, value) : value);
  return (source, args, context, info) => {
    const value = resolve(source, args, context, info);
    return value instanceof Promise ? value.then(encode) : encode(value);
  };
}
