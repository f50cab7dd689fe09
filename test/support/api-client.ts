/**
 * A GraphQL client over real HTTP, with its own cookie jar: one per actor in a test. Answers are
 * returned whole (status, data, errors) so that tests can assert on refusals as well as on data.
 */
export interface GraphQLAnswer<T = Record<string, unknown>> {
  status: number;
  data: T | null;
  errors: {
    message: string;
    path?: (string | number)[];
    extensions?: {
      code?: string;
      reason?: string;
      fields?: Record<string, string>;
      problems?: Record<string, { reason: string; params: Record<string, string | number> }>;
    };
  }[];
  headers: Headers;
}

export class ApiClient {
  private cookie: string | null = null;

  constructor(
    readonly baseUrl: string,
    private readonly bearer: string | null = null,
  ) {}

  async request<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ): Promise<GraphQLAnswer<T>> {
    const response = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.bearer ? { authorization: `Bearer ${this.bearer}` } : {}),
        ...headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    const setCookie = response.headers.getSetCookie();
    for (const line of setCookie) {
      const [pair] = line.split(';');
      const [name, value] = pair.split('=');
      if (name.trim() === 'massline_session') this.cookie = value ? `massline_session=${value}` : null;
      if (/Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(line) && name.trim() === 'massline_session') this.cookie = null;
    }
    const body = (await response.json()) as { data?: T | null; errors?: GraphQLAnswer['errors'] };
    return { status: response.status, data: body.data ?? null, errors: body.errors ?? [], headers: response.headers };
  }

  /** Like request, but fails the test on any error. */
  async ok<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const answer = await this.request<T>(query, variables);
    if (answer.errors.length > 0 || !answer.data) {
      throw new Error(`GraphQL errors: ${JSON.stringify(answer.errors)}`);
    }
    return answer.data;
  }

  /** The global id of the region with this code, as this caller finds it by search (the demo's codes: "880101" is Dongshan). */
  async regionId(code: string): Promise<string> {
    const { regions } = await this.ok<{ regions: { edges: { node: { id: string } }[] } }>(
      'query ($code: String!) { regions(first: 1, filter: { search: $code }) { edges { node { id } } } }',
      { code },
    );
    return regions.edges[0].node.id;
  }

  /**
   * A streamed upload (`POST /uploads/<name>`, text/csv): the body may be a string or chunks sent one by one
   * (a ReadableStream), as a browser sends a large file.
   */
  async upload<T = Record<string, unknown>>(
    name: string,
    body: string | ReadableStream<Uint8Array>,
    params: Record<string, string> = {},
    headers: Record<string, string> = {},
  ): Promise<GraphQLAnswer<T>> {
    const query = new URLSearchParams(params).toString();
    const response = await fetch(`${this.baseUrl}/uploads/${name}${query ? `?${query}` : ''}`, {
      method: 'POST',
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.bearer ? { authorization: `Bearer ${this.bearer}` } : {}),
        ...headers,
      },
      body,
      ...(typeof body === 'string' ? {} : { duplex: 'half' }),
    } as RequestInit);
    const answer = (await response.json()) as { data?: T | null; errors?: GraphQLAnswer['errors'] };
    return { status: response.status, data: answer.data ?? null, errors: answer.errors ?? [], headers: response.headers };
  }

  get sessionCookie(): string | null {
    return this.cookie;
  }

  /** Uses a session opened by a fixture (its secret, as the cookie carries it) instead of signing in: no password hashing per client. */
  withSession(secret: string): this {
    this.cookie = `massline_session=${secret}`;
    return this;
  }

  async signIn(email: string, password: string): Promise<this> {
    await this.ok(`mutation ($input: SignInInput!) { signIn(input: $input) { id } }`, { input: { email, password } });
    return this;
  }
}

/** The first error's API code, or null when there is none. */
export const errorCode = (answer: GraphQLAnswer<unknown>) => answer.errors[0]?.extensions?.code ?? null;
