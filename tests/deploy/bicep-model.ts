import { createRequire } from 'node:module';
import { Language, type Node, Parser } from 'web-tree-sitter';

/**
 * A Bicep file read the way this suite can: parsed by tree-sitter-bicep (a grammar of the language, with
 * syntax errors as ERROR/MISSING nodes), then its parameters, variables, resources and outputs evaluated for
 * one set of parameter values. The Bicep compiler (a .NET program fetched from GitHub) cannot be installed
 * from the registries these machines reach, and no JavaScript package evaluates Bicep, so the evaluator is
 * written here: literals, interpolation, member and index access, `==`/`!=`/`!`, the ternary, lambdas, and
 * the functions infra/ uses. Anything else fails the check by name instead of passing unseen. What Azure
 * itself knows (resource types, API versions, property names) is not checked: no schema of it is here.
 */

const require = createRequire(import.meta.url);

let parser: Parser | undefined;

async function bicepParser(): Promise<Parser> {
  if (parser) return parser;
  await Parser.init();
  const language = await Language.load(require.resolve('tree-sitter-bicep/tree-sitter-bicep.wasm'));
  parser = new Parser();
  parser.setLanguage(language);
  return parser;
}

/**
 * An evaluated resource body, read by property path in tests. It is whatever JSON the template builds, so
 * no static type can describe it better than the template itself.
 */
// biome-ignore lint/suspicious/noExplicitAny: evaluated Bicep is untyped JSON, read by path in tests
export type Evaluated = any;

/** A value only Azure knows once deployed (`identity.properties.clientId`), by its path. */
export class Deployed {
  constructor(readonly path: string) {}
  toString(): string {
    return `«${this.path}»`;
  }
}

export type BicepValue =
  | string
  | number
  | boolean
  | null
  | Deployed
  | ResourceHandle
  | BicepValue[]
  | { [key: string]: BicepValue }
  | ((...args: BicepValue[]) => BicepValue);

interface ResourceHandle {
  readonly resource: string;
}

export interface Declarations {
  readonly params: Map<
    string,
    { readonly node: Node; readonly defaultValue: Node | undefined; readonly allowed?: Node }
  >;
  readonly vars: Map<string, Node>;
  readonly resources: Map<
    string,
    { readonly type: string; readonly condition: Node | undefined; readonly body: Node }
  >;
  readonly outputs: Map<string, Node>;
  /** Where the grammar found a syntax error, as `line:column`. */
  readonly syntaxErrors: readonly string[];
  /** Names used in expressions that nothing declares (a typo Bicep would refuse). */
  readonly undeclared: readonly string[];
}

const FUNCTIONS: Record<string, (...args: BicepValue[]) => BicepValue> = {
  resourceGroup: () => ({ id: new Deployed('resourceGroup().id'), location: 'westeurope' }),
  subscription: () => ({
    id: new Deployed('subscription().id'),
    tenantId: new Deployed('subscription().tenantId'),
  }),
  uniqueString: () => 'q7x2m4c9z1b8k',
  take: (value, count) => String(value).slice(0, Number(count)),
  guid: (...parts) => `guid(${parts.map(String).join(',')})`,
  subscriptionResourceId: (type, name) => `/subscriptions/«sub»/providers/${String(type)}/${String(name)}`,
  uriComponent: (value) => encodeURIComponent(String(value)),
  empty: (value) =>
    value === null ||
    value === '' ||
    (Array.isArray(value) && value.length === 0) ||
    (typeof value === 'object' && !(value instanceof Deployed) && Object.keys(value).length === 0),
  concat: (...values) =>
    values.every(Array.isArray) ? (values as BicepValue[][]).flat() : values.map(String).join(''),
  filter: (items, predicate) =>
    (items as BicepValue[]).filter((item) => (predicate as (x: BicepValue) => BicepValue)(item) === true),
};

const DECORATORS = new Set([
  'description',
  'minLength',
  'maxLength',
  'minValue',
  'maxValue',
  'allowed',
  'secure',
]);

export async function readBicep(source: string): Promise<Declarations> {
  const tree = (await bicepParser()).parse(source);
  if (!tree) throw new Error('tree-sitter returned no tree');
  const root = tree.rootNode;
  const syntaxErrors: string[] = [];
  const visit = (node: Node) => {
    if (node.isError || node.isMissing)
      syntaxErrors.push(`${node.startPosition.row + 1}:${node.startPosition.column + 1}`);
    for (const child of node.children) if (child) visit(child);
  };
  visit(root);

  const params: Declarations['params'] = new Map();
  const vars = new Map<string, Node>();
  const resources: Declarations['resources'] = new Map();
  const outputs = new Map<string, Node>();
  let decorators: Node | undefined;
  for (const node of root.namedChildren) {
    if (!node) continue;
    if (node.type === 'decorators') {
      decorators = node;
      continue;
    }
    const named = node.namedChildren.filter((child): child is Node => child !== null);
    const name = named[0]?.text ?? '';
    if (node.type === 'parameter_declaration') {
      const allowed =
        decorators?.namedChildren
          .map((decorator) => decorator?.namedChildren[0])
          .find((call) => call?.namedChildren[0]?.text === 'allowed')?.namedChildren[1]?.namedChildren[0] ??
        undefined;
      params.set(name, { node, defaultValue: named[2], ...(allowed ? { allowed } : {}) });
    } else if (node.type === 'variable_declaration') vars.set(name, named[1]!);
    else if (node.type === 'resource_declaration') {
      const last = named[named.length - 1]!;
      const conditional = last.type === 'if_statement';
      resources.set(name, {
        type: stringLiteral(named[1]!),
        condition: conditional ? last.namedChildren[0]!.namedChildren[0]! : undefined,
        body: conditional ? last.namedChildren[1]! : last,
      });
    } else if (node.type === 'output_declaration') outputs.set(name, named[named.length - 1]!);
    decorators = undefined;
  }

  const declared = new Set([
    ...params.keys(),
    ...vars.keys(),
    ...resources.keys(),
    ...Object.keys(FUNCTIONS),
  ]);
  const undeclared = new Set<string>();
  const lambdaScopes: Set<string>[] = [];
  const check = (node: Node, inDecorator: boolean) => {
    if (node.type === 'decorators') {
      for (const decorator of node.namedChildren) {
        const fn = decorator?.namedChildren[0]?.namedChildren[0]?.text;
        if (fn && !DECORATORS.has(fn)) undeclared.add(`@${fn}`);
      }
      return;
    }
    if (node.type === 'lambda_expression') {
      const [parameter, body] = node.namedChildren;
      lambdaScopes.push(new Set([parameter!.text]));
      check(body!, inDecorator);
      lambdaScopes.pop();
      return;
    }
    if (node.type === 'identifier' && isReference(node)) {
      const name = node.text;
      if (!declared.has(name) && !lambdaScopes.some((scope) => scope.has(name))) undeclared.add(name);
    }
    for (const child of node.namedChildren) if (child) check(child, inDecorator);
  };
  check(root, false);
  return { params, vars, resources, outputs, syntaxErrors, undeclared: [...undeclared] };
}

/** An identifier that names something (not a declaration's own name, a key, a type or a property). */
function isReference(node: Node): boolean {
  const parent = node.parent;
  if (!parent) return false;
  const first = parent.namedChildren[0];
  const isFirst = first !== null && first !== undefined && first.id === node.id;
  if (
    ['parameter_declaration', 'variable_declaration', 'resource_declaration', 'output_declaration'].includes(
      parent.type,
    )
  )
    return !isFirst;
  if (parent.type === 'object_property') return !isFirst;
  if (parent.type === 'lambda_expression') return !isFirst;
  return true;
}

function stringLiteral(node: Node): string {
  if (node.type !== 'string' || node.namedChildren.some((child) => child?.type === 'interpolation'))
    throw new Error(`expected a plain string at ${node.startPosition.row + 1}`);
  return node.namedChildren.map((child) => unescaped(child!)).join('');
}

function unescaped(part: Node): string {
  if (part.type !== 'escape_sequence') return part.text;
  const escapes: Record<string, string> = {
    "\\'": "'",
    '\\\\': '\\',
    '\\n': '\n',
    '\\r': '\r',
    '\\t': '\t',
    '\\$': '$',
  };
  return escapes[part.text] ?? part.text;
}

/** The file evaluated for one set of parameter values. */
export class BicepDeployment {
  readonly #declarations: Declarations;
  readonly #params: Record<string, BicepValue>;
  readonly #cache = new Map<string, BicepValue>();

  constructor(declarations: Declarations, params: Record<string, BicepValue>) {
    this.#declarations = declarations;
    this.#params = params;
  }

  param(name: string): BicepValue {
    if (name in this.#params) return this.#params[name]!;
    const declared = this.#declarations.params.get(name);
    if (!declared) throw new Error(`no parameter ${name}`);
    if (!declared.defaultValue) throw new Error(`parameter ${name} has no value and no default`);
    return this.#evaluate(declared.defaultValue, new Map());
  }

  /** Whether the resource is deployed (its `if` holds). */
  deploys(resource: string): boolean {
    const declared = this.#declarations.resources.get(resource);
    if (!declared) throw new Error(`no resource ${resource}`);
    return declared.condition === undefined || this.#evaluate(declared.condition, new Map()) === true;
  }

  /** A resource's body (`name`, `properties`, …) evaluated. */
  resource(name: string): Evaluated {
    const declared = this.#declarations.resources.get(name);
    if (!declared) throw new Error(`no resource ${name}`);
    return this.#evaluate(declared.body, new Map()) as { [key: string]: BicepValue };
  }

  output(name: string): BicepValue {
    const node = this.#declarations.outputs.get(name);
    if (!node) throw new Error(`no output ${name}`);
    return this.#evaluate(node, new Map());
  }

  #named(name: string, scope: ReadonlyMap<string, BicepValue>): BicepValue {
    if (scope.has(name)) return scope.get(name)!;
    if (this.#declarations.params.has(name)) return this.param(name);
    const variable = this.#declarations.vars.get(name);
    if (variable) {
      if (!this.#cache.has(name)) this.#cache.set(name, this.#evaluate(variable, new Map()));
      return this.#cache.get(name)!;
    }
    if (this.#declarations.resources.has(name)) return { resource: name };
    throw new Error(`${name} is not declared`);
  }

  #member(target: BicepValue, property: string): BicepValue {
    if (target instanceof Deployed) return new Deployed(`${target.path}.${property}`);
    if (
      target !== null &&
      typeof target === 'object' &&
      'resource' in target &&
      typeof target.resource === 'string'
    ) {
      const resource = target.resource;
      if (property === 'name') return this.resource(resource).name ?? null;
      return new Deployed(`${resource}.${property}`);
    }
    if (target !== null && typeof target === 'object' && !Array.isArray(target)) {
      const value = (target as Record<string, BicepValue>)[property];
      if (value === undefined) throw new Error(`no property ${property}`);
      return value;
    }
    throw new Error(`cannot read ${property} of ${String(target)}`);
  }

  #evaluate(node: Node, scope: ReadonlyMap<string, BicepValue>): BicepValue {
    const children = node.namedChildren.filter(
      (child): child is Node => child !== null && child.type !== 'comment',
    );
    const at = `line ${node.startPosition.row + 1}`;
    switch (node.type) {
      case 'string':
        return children
          .map((part) =>
            part.type === 'interpolation'
              ? String(this.#evaluate(part.namedChildren[0]!, scope))
              : unescaped(part),
          )
          .join('');
      case 'number':
        return Number(node.text);
      case 'boolean':
        return node.text === 'true';
      case 'null':
        return null;
      case 'array':
        return children.map((child) => this.#evaluate(child, scope));
      case 'object': {
        const object: Record<string, BicepValue> = {};
        for (const property of children) {
          if (property.type !== 'object_property') continue;
          const [key, value] = property.namedChildren;
          const name = key!.type === 'string' ? String(this.#evaluate(key!, scope)) : key!.text;
          object[name] = this.#evaluate(value!, scope);
        }
        return object;
      }
      case 'identifier':
        return this.#named(node.text, scope);
      case 'parenthesized_expression':
        return this.#evaluate(children[0]!, scope);
      case 'member_expression':
        return this.#member(this.#evaluate(children[0]!, scope), children[1]!.text);
      case 'subscript_expression': {
        const target = this.#evaluate(children[0]!, scope);
        const index = this.#evaluate(children[1]!, scope);
        if (Array.isArray(target)) return target[Number(index)] ?? null;
        return this.#member(target, String(index));
      }
      case 'unary_expression':
        if (!node.text.startsWith('!')) throw new Error(`${at}: unknown unary ${node.text}`);
        return this.#evaluate(children[0]!, scope) !== true;
      case 'binary_expression': {
        const operator = node.children.find((child) => child && !child.isNamed)?.text;
        const left = this.#evaluate(children[0]!, scope);
        const right = this.#evaluate(children[1]!, scope);
        if (operator === '==') return left === right;
        if (operator === '!=') return left !== right;
        if (operator === '&&') return left === true && right === true;
        if (operator === '||') return left === true || right === true;
        throw new Error(`${at}: the check does not know the operator ${operator}`);
      }
      case 'ternary_expression':
        return this.#evaluate(children[0]!, scope) === true
          ? this.#evaluate(children[1]!, scope)
          : this.#evaluate(children[2]!, scope);
      case 'lambda_expression': {
        const [parameter, body] = children;
        return (argument: BicepValue) =>
          this.#evaluate(body!, new Map([...scope, [parameter!.text, argument]]));
      }
      case 'call_expression': {
        const [callee, argumentList] = children;
        const fn = FUNCTIONS[callee!.text];
        if (!fn) throw new Error(`${at}: the check does not know the Bicep function ${callee!.text}()`);
        const args = (argumentList?.namedChildren ?? []).map((argument) => this.#evaluate(argument!, scope));
        return fn(...args);
      }
      default:
        throw new Error(`${at}: the check does not evaluate ${node.type}`);
    }
  }
}
