import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, canonicalJsonOfText, fastCanonicalJsonOfText, utf8, type CanonicalValue } from './canonical-json';

/** What canonicalJsonOfText must give, or throw, for every text. */
const reference = (text: string): string => canonicalJson(JSON.parse(text) as CanonicalValue);

/** canonicalJsonOfText gives exactly the reference's answer or throws the same error, and the scanner alone never answers otherwise. */
function expectAsReference(text: string): void {
  let expected: string;
  try {
    expected = reference(text);
  } catch (error) {
    expect(fastCanonicalJsonOfText(text)).toBeNull();
    expect(() => canonicalJsonOfText(text)).toThrow((error as Error).constructor as new () => Error);
    return;
  }
  expect(canonicalJsonOfText(text)).toBe(expected);
  const fast = fastCanonicalJsonOfText(text);
  if (fast !== null) expect(fast).toBe(expected);
}

/**
 * A JSON text's structure before it is written: objects as lists of members, so that one object may
 * list a key twice (JSON.parse keeps the last) and members can be written in any order.
 */
type Tree =
  null | boolean | number | string | { readonly items: readonly Tree[] } | { readonly members: readonly (readonly [string, Tree])[] };

// Characters that test the escapes: JSON's own, the controls, U+007F and U+2028 (written raw), non-ASCII,
// an astral pair, lone surrogates (JSON.stringify escapes them), and anything else of the BMP or beyond.
const character = fc.oneof(
  fc.constantFrom(
    '"',
    '\\',
    '/',
    '\b',
    '\f',
    '\n',
    '\r',
    '\t',
    '\u0000',
    '\u000b',
    '\u001f',
    '\u007f',
    '\u2028',
    'é',
    '王',
    '😀',
    '\ud800',
    '\udc00',
    'a',
    ' ',
    'u',
  ),
  fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
);
const text = fc.string({ unit: character, maxLength: 8 });
// Array-index keys ("10" sorts before "9", but JavaScript enumerates "9" first), the empty key, __proto__, non-ASCII.
const key = fc.oneof(
  fc.constantFrom('10', '9', '0', '01', 'a', 'b', 'A', '', '__proto__', '王', '😀', 'a b', 'aa', 'key', 'é', 'e\u0301'),
  text,
);
const number = fc.oneof(
  fc.integer(),
  fc.integer({ min: -999_999_999_999_999, max: 999_999_999_999_999 }),
  fc.maxSafeInteger(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -0, 1e15, 1e16, 999_999_999_999_999, 1e21, 1e-7, 0.1, -1.5, 2 ** 53),
);
const leaf = fc.oneof(fc.constant(null), fc.boolean(), number, text);

const trees = (members: (tree: fc.Arbitrary<Tree>) => fc.Arbitrary<(readonly [string, Tree])[]>, leaves: fc.Arbitrary<Tree>) =>
  fc.letrec<{ tree: Tree; array: Tree; object: Tree }>((tie) => ({
    tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaves, tie('array'), tie('object')),
    array: fc.array(tie('tree'), { maxLength: 5 }).map((items) => ({ items })),
    object: members(tie('tree')).map((list) => ({ members: list })),
  })).tree;

/** Any tree: keys repeat within an object now and then. */
const anyTree = trees((tree) => fc.array(fc.tuple(key, tree), { maxLength: 6 }), leaf);

/** Trees as records hold them: distinct keys that need no escape, integers of at most 15 digits, no lone surrogate. */
const wellFormed = (value: string) => !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(value);
const plainKey = key.filter((name) => JSON.stringify(name) === `"${name}"`);
const recordLeaf = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: -999_999_999_999_999, max: 999_999_999_999_999 }),
  text.filter(wellFormed),
);
const recordTree = trees((tree) => fc.uniqueArray(fc.tuple(plainKey, tree), { maxLength: 6, selector: ([name]) => name }), recordLeaf);

const isArray = (tree: Tree): tree is { readonly items: readonly Tree[] } => typeof tree === 'object' && tree !== null && 'items' in tree;
const isObject = (tree: Tree): tree is { readonly members: readonly (readonly [string, Tree])[] } =>
  typeof tree === 'object' && tree !== null && 'members' in tree;

/** Written as JSON.stringify writes (compact, members as listed). */
function compact(tree: Tree): string {
  if (isArray(tree)) return `[${tree.items.map(compact).join(',')}]`;
  if (isObject(tree)) return `{${tree.members.map(([name, value]) => `${JSON.stringify(name)}:${compact(value)}`).join(',')}}`;
  return JSON.stringify(tree);
}

/** PostgreSQL's jsonb output: the last of equal keys kept, keys by UTF-8 length then bytes, `": "` and `", "`, its string escapes. */
function jsonb(tree: Tree): string {
  if (isArray(tree)) return `[${tree.items.map(jsonb).join(', ')}]`;
  if (isObject(tree)) {
    const last = new Map<string, Tree>();
    for (const [name, value] of tree.members) last.set(name, value);
    const names = [...last.keys()].sort((a, b) => {
      const [x, y] = [utf8(a), utf8(b)];
      if (x.length !== y.length) return x.length - y.length;
      const differ = x.findIndex((byte, i) => byte !== y[i]);
      return differ < 0 ? 0 : x[differ]! - y[differ]!;
    });
    return `{${names.map((name) => `${jsonbString(name)}: ${jsonb(last.get(name) ?? null)}`).join(', ')}}`;
  }
  if (typeof tree === 'string') return jsonbString(tree);
  // numeric prints no exponent: 1e21 comes back as 1000000000000000000000.
  if (typeof tree === 'number' && Number.isInteger(tree) && Math.abs(tree) >= 1e21) return BigInt(tree).toString();
  return JSON.stringify(tree);
}

const SHORT_ESCAPES: Readonly<Record<string, string>> = {
  '"': '\\"',
  '\\': '\\\\',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

/** PostgreSQL's escape_json: the short escapes, `\u00xx` for the other controls, everything else raw (even a lone surrogate here). */
function jsonbString(value: string): string {
  let out = '"';
  for (const unit of value.split('')) {
    const code = unit.charCodeAt(0);
    out += SHORT_ESCAPES[unit] ?? (code < 0x20 ? `\\u${code.toString(16).padStart(4, '0')}` : unit);
  }
  return `${out}"`;
}

/** A small seeded generator: the written forms below are reproducible from the property's seed. */
function randomOf(seed: number): (n: number) => number {
  let state = seed >>> 0;
  return (n) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

/**
 * Written loosely: members shuffled, any JSON whitespace between tokens, each string character raw or
 * escaped in any valid way (`\/`, upper-case hex, `\u` for any character), numbers spelled as JSON allows
 * but JavaScript would not print them (`-0`, `1.0`, `1e0`, `10E-1`, 17 significant digits).
 */
function loose(tree: Tree, random: (n: number) => number): string {
  const space = () => ['', '', ' ', '\n  ', '\t', '\r\n'][random(6)] ?? '';
  if (isArray(tree)) return `[${space()}${tree.items.map((item) => loose(item, random) + space()).join(`,${space()}`)}]`;
  if (isObject(tree)) {
    const members = [...tree.members];
    for (let i = members.length - 1; i > 0; i--) {
      const j = random(i + 1);
      [members[i], members[j]] = [members[j]!, members[i]!];
    }
    return `{${space()}${members.map(([name, value]) => `${looseString(name, random)}${space()}:${space()}${loose(value, random)}${space()}`).join(`,${space()}`)}}`;
  }
  if (typeof tree === 'string') return looseString(tree, random);
  if (typeof tree === 'number') {
    const plain = JSON.stringify(tree);
    if (Object.is(tree, -0)) return ['-0', '-0.0', '0', '-0e0'][random(4)]!;
    const spellings = [plain, tree.toPrecision(17), tree.toExponential()];
    if (Number.isInteger(tree) && !plain.includes('e')) spellings.push(`${plain}.0`, `${plain}e0`, `${plain}E+0`, `${plain}0e-1`);
    return spellings[random(spellings.length)]!;
  }
  return JSON.stringify(tree);
}

function looseString(value: string, random: (n: number) => number): string {
  let out = '"';
  for (const unit of value.split('')) {
    const code = unit.charCodeAt(0);
    const hex = code.toString(16).padStart(4, '0');
    const forms = [`\\u${hex}`, `\\u${hex.toUpperCase()}`];
    if (unit === '/') forms.push('\\/');
    if (SHORT_ESCAPES[unit] !== undefined) forms.push(SHORT_ESCAPES[unit]);
    else if (code >= 0x20) forms.push(unit, unit, unit);
    out += forms[random(forms.length)];
  }
  return `${out}"`;
}

/** Small edits of a valid text: most make it invalid (the reference's SyntaxError), some make another valid text. */
const EDIT_CHARACTERS = '{}[]:,"\\ \n\t\u000b\u00a00123456789-+.eEtrufalsnu\u0000\u001f\ud800\udc00';
function edited(written: string, random: (n: number) => number): string {
  let out = written;
  for (let edits = 1 + random(3); edits > 0; edits--) {
    const at = random(out.length + 1);
    const character = EDIT_CHARACTERS[random(EDIT_CHARACTERS.length)]!;
    const kind = random(3);
    out = out.slice(0, at) + (kind === 2 ? '' : character) + out.slice(kind === 0 ? at : at + 1);
  }
  return out;
}

describe('canonicalJsonOfText', () => {
  it('is canonicalJson(JSON.parse(text)) for any value as JSON.stringify writes it, compact and indented', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expectAsReference(JSON.stringify(value));
        expectAsReference(JSON.stringify(value, null, 2));
        expectAsReference(JSON.stringify(value, null, '\t'));
      }),
      { numRuns: 2000 },
    );
  });

  it('is the reference for any text written compactly, indented, in jsonb style, or loosely with members shuffled', () => {
    fc.assert(
      fc.property(anyTree, fc.integer(), (tree, seed) => {
        const random = randomOf(seed);
        const written = compact(tree);
        expectAsReference(written);
        expectAsReference(JSON.stringify(JSON.parse(written), null, 2));
        expectAsReference(jsonb(tree));
        expectAsReference(loose(tree, random));
        expectAsReference(`${' \n\t\r'.slice(random(4))}${loose(tree, random)}${'\r\n '.slice(random(3))}`);
      }),
      { numRuns: 4000 },
    );
  });

  it('sorts objects of more than 16 members as the reference does, and gives up on a key listed twice among them', () => {
    const member = fc.tuple(
      fc.oneof(
        plainKey,
        fc.string({ unit: 'grapheme-ascii', maxLength: 3 }).filter((name) => !/["\\]/.test(name)),
      ),
      recordLeaf,
    );
    fc.assert(
      fc.property(
        fc.uniqueArray(member, { minLength: 17, maxLength: 60, selector: ([name]) => name }),
        fc.nat(),
        fc.nat(),
        (members, from, to) => {
          const tree = { members };
          expect(fastCanonicalJsonOfText(jsonb(tree))).toBe(reference(jsonb(tree)));
          expect(fastCanonicalJsonOfText(compact({ members: [...members].reverse() }))).toBe(reference(compact(tree)));
          // The same key again, anywhere: JSON.parse keeps the last.
          const twice = [...members];
          twice.splice(to % (members.length + 1), 0, [members[from % members.length]![0], 'again']);
          expect(fastCanonicalJsonOfText(compact({ members: twice }))).toBeNull();
          expectAsReference(compact({ members: twice }));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('is the reference, or throws its SyntaxError, for texts edited by a few characters', () => {
    fc.assert(
      fc.property(anyTree, fc.integer(), (tree, seed) => {
        const random = randomOf(seed);
        expectAsReference(edited(compact(tree), random));
        expectAsReference(edited(jsonb(tree), random));
        expectAsReference(edited(loose(tree, random), random));
      }),
      { numRuns: 4000 },
    );
  });

  it('answers without the reference for the texts records hold: distinct keys, 15-digit integers, JSON.stringify or jsonb style', () => {
    fc.assert(
      fc.property(recordTree, (tree) => {
        for (const written of [compact(tree), JSON.stringify(JSON.parse(compact(tree)), null, 2), jsonb(tree)])
          expect(fastCanonicalJsonOfText(written)).toBe(reference(written));
      }),
      { numRuns: 3000 },
    );
  });

  it('writes jsonb facts in canonical order without whitespace, and returns a canonical text as it is', () => {
    const facts = '{"members": 11, "present": 10, "summary": "Bench step 1"}';
    expect(fastCanonicalJsonOfText(facts)).toBe('{"members":11,"present":10,"summary":"Bench step 1"}');
    const votes =
      '{"posts": 1, "entitled": 40, "candidates": [{"name": "王", "votes": 30}, {"name": "李", "votes": 9}], "participants": 39}';
    expect(fastCanonicalJsonOfText(votes)).toBe(
      '{"candidates":[{"name":"王","votes":30},{"name":"李","votes":9}],"entitled":40,"participants":39,"posts":1}',
    );
    expect(fastCanonicalJsonOfText(votes)).toBe(reference(votes));
    const canonical = '{"a":[true,false,null,{"b":"x\\n\\"y\\u001f😀"}],"c":-123456789012345,"d":{}}';
    expect(fastCanonicalJsonOfText(canonical)).toBe(canonical);
    expect(fastCanonicalJsonOfText(' "text" ')).toBe('"text"');
  });

  it('sorts keys as JavaScript compares strings, array-index keys included, inside sorted objects too', () => {
    expect(fastCanonicalJsonOfText('{"9":1,"10":2,"a":3,"":4}')).toBe('{"":4,"10":2,"9":1,"a":3}');
    expect(reference('{"9":1,"10":2,"a":3,"":4}')).toBe('{"":4,"10":2,"9":1,"a":3}');
    // U+FFFF sorts after an astral character's high surrogate (code units, not code points).
    expect(fastCanonicalJsonOfText('{"\uffff":1,"😀":2}')).toBe('{"😀":2,"\uffff":1}');
    const nested = '{ "b" : { "d" : 1, "c" : [ { "f" : 1, "e" : 2 } ] } , "a" : 0 }';
    expect(fastCanonicalJsonOfText(nested)).toBe('{"a":0,"b":{"c":[{"e":2,"f":1}],"d":1}}');
    expect(fastCanonicalJsonOfText('{"b":1,"__proto__":{"x":1}}')).toBe(reference('{"b":1,"__proto__":{"x":1}}'));
  });

  it('leaves to the reference every number JavaScript would not print as written', () => {
    for (const spelled of ['1.5', '1.0', '1e2', '1E2', '-0', '0.0', '1234567890123456', '-1234567890123456', '9007199254740993']) {
      expect(fastCanonicalJsonOfText(spelled)).toBeNull();
      expect(fastCanonicalJsonOfText(`[${spelled}]`)).toBeNull();
      expect(canonicalJsonOfText(`{"n":${spelled}}`)).toBe(reference(`{"n":${spelled}}`));
    }
    expect(canonicalJsonOfText('[-0, 1.50, 1e2, 1234567890123456]')).toBe('[0,1.5,100,1234567890123456]');
    // JSON.parse reads 1e400 as Infinity, which has no canonical encoding: the reference's RangeError.
    expect(fastCanonicalJsonOfText('[1e400]')).toBeNull();
    expect(() => canonicalJsonOfText('[1e400]')).toThrow(RangeError);
    for (const spelled of ['0', '7', '-7', '123456789012345', '-999999999999999']) expect(fastCanonicalJsonOfText(spelled)).toBe(spelled);
  });

  it('leaves to the reference string escapes JSON.stringify would not write, and any escape in a key', () => {
    for (const escaped of ['\\/', '\\u0041', '\\u001F', '\\u0008', '\\u0009', '\\u000a', '\\u000c', '\\u000d', '\\u00e9', '\\ud83d\\ude00'])
      expect(fastCanonicalJsonOfText(`"${escaped}"`)).toBeNull();
    expect(canonicalJsonOfText('"\\/\\u0041\\u000a\\ud83d\\ude00"')).toBe('"/A\\n😀"');
    for (const escaped of ['\\"', '\\\\', '\\b', '\\f', '\\n', '\\r', '\\t', '\\u0000', '\\u0007', '\\u000b', '\\u000e', '\\u001f'])
      expect(fastCanonicalJsonOfText(`"${escaped}"`)).toBe(`"${escaped}"`);
    expect(fastCanonicalJsonOfText('{"a\\n":1}')).toBeNull();
    expect(fastCanonicalJsonOfText('{"a\\"":1,"a":2}')).toBeNull();
    expect(canonicalJsonOfText('{"b":1,"\\u0061":2}')).toBe('{"a":2,"b":1}');
  });

  it('leaves to the reference a lone surrogate, which JSON.stringify escapes', () => {
    for (const lone of ['\ud800', '\udc00', '\ud800x', 'x\udfff', '\udc00\ud800']) {
      expect(fastCanonicalJsonOfText(`"${lone}"`)).toBeNull();
      expect(canonicalJsonOfText(`"${lone}"`)).toBe(JSON.stringify(lone));
    }
    expect(fastCanonicalJsonOfText('"😀王"')).toBe('"😀王"');
  });

  it('leaves to the reference an object that lists a key twice: JSON.parse keeps the last', () => {
    for (const twice of ['{"a":1,"a":2}', '{"b":1,"a":2,"b":3}', '{"a":1,"b":{"c":1,"c":1}}'])
      expect(fastCanonicalJsonOfText(twice)).toBeNull();
    expect(canonicalJsonOfText('{"b":1,"a":2,"b":3}')).toBe('{"a":2,"b":3}');
    // The same key in two objects is no duplicate.
    expect(fastCanonicalJsonOfText('[{"a":1},{"a":2}]')).toBe('[{"a":1},{"a":2}]');
  });

  it('leaves to the reference nesting deeper than 64 levels', () => {
    const nested = (depth: number) => `${'[{"a":'.repeat(depth / 2)}0${'}]'.repeat(depth / 2)}`;
    expect(fastCanonicalJsonOfText(nested(64))).toBe(nested(64));
    expect(fastCanonicalJsonOfText(nested(66))).toBeNull();
    expect(canonicalJsonOfText(nested(66))).toBe(nested(66));
  });

  it('throws the SyntaxError JSON.parse throws for a text that is not JSON', () => {
    const invalid = [
      '',
      ' ',
      '{',
      '}',
      '{"a":1,}',
      '[1,]',
      '[,1]',
      '{"a" 1}',
      '{"a":}',
      '{a:1}',
      "{'a':1}",
      '01',
      '-',
      '-a',
      '1.',
      '.5',
      '+1',
      '"abc',
      '"\\x"',
      '"\\u00"',
      '"\\u00zz"',
      '"a\u0001b"',
      '"a\nb"',
      '"a\tb"',
      '"a\u001fb"',
      '{"a\u0000":1}',
      '[1,\u000b2]',
      'tru',
      'nul',
      'True',
      'undefined',
      'NaN',
      '{"a":1}}',
      '[1] [2]',
      '1 2',
      '\ufeff{}',
      '\u00a0{}',
      '{"a":1,"a":2',
      '{"b":1,"a":2,}',
    ];
    for (const text of invalid) {
      expect(fastCanonicalJsonOfText(text)).toBeNull();
      expect(() => canonicalJsonOfText(text)).toThrow(SyntaxError);
    }
  });

  it('answers each call on its own after one it gave up', () => {
    expect(fastCanonicalJsonOfText('{"b":[1,{"d":1,"c":')).toBeNull();
    expect(fastCanonicalJsonOfText('{"z": 1, "y": 2}')).toBe('{"y":2,"z":1}');
    expect(fastCanonicalJsonOfText('{"b":{"a":1,"a":2}}')).toBeNull();
    expect(fastCanonicalJsonOfText('{"b": {"a": 1}, "a": 2}')).toBe('{"a":2,"b":{"a":1}}');
  });
});
