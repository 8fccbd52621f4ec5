// Reads a declaration file with the TypeScript compiler and checks real values against the types it
// declares: every key a value has must be declared, every declared key that is not optional must be there,
// and so on down (arrays, tuples, nested objects, literal unions, null only where declared).
import ts from 'typescript';

/**
 * Loads `file` (a .d.ts) into a TypeScript program.
 * @returns {{checker: ts.TypeChecker, type: (name: string) => ts.Type, valueNames: () => string[]}}
 */
export function loadDeclarations(file) {
  const program = ts.createProgram([file], {
    strict: true,  // keeps `| null` in the types: without strictNullChecks every type would admit null
    noEmit: true,
    types: [],
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  if (!source) throw new Error(`${file}: not read`);
  const resolve = (symbol) => (symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol);
  const exported = checker.getExportsOfModule(checker.getSymbolAtLocation(source));
  return {
    checker,
    /** The type declared under `name`: an interface, a type alias, or a class's instance type. */
    type(name) {
      const symbol = exported.find((s) => s.name === name);
      if (!symbol) throw new Error(`${file} declares no ${name}`);
      return checker.getDeclaredTypeOfSymbol(resolve(symbol));
    },
    /** The names of the values the module exports (functions, classes, constants), sorted. */
    valueNames() {
      return exported.filter((s) => resolve(s).flags & ts.SymbolFlags.Value).map((s) => s.name).sort();
    },
  };
}

/** The type's declared name (interface, class or alias), for messages and coverage. */
function nameOf(type) {
  return (type.aliasSymbol || type.getSymbol())?.name || '(anonymous)';
}

function literalMatches(checker, value, type) {
  if (type.isStringLiteral() || type.isNumberLiteral()) return value === type.value;
  if (type.flags & ts.TypeFlags.BooleanLiteral) return String(value) === checker.typeToString(type);
  return false;
}

/**
 * The ways `value` differs from `type`, as messages naming the path. Object types seen are added to `seen`
 * by name, so that a caller can tell which declared types its values covered.
 * @param {{checker: ts.TypeChecker}} declarations
 * @returns {string[]}
 */
export function mismatches(declarations, value, type, path = 'value', seen = new Set()) {
  const problems = [];
  check(declarations.checker, value, type, path, problems, seen);
  return problems;
}

function check(checker, value, type, path, problems, seen) {
  const { flags } = type;
  if (flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return;
  if (type.isUnion()) {
    // `string | null`, `boolean` (true | false), literal unions: the value must fit one member.
    const tries = type.types.map((member) => {
      const own = [];
      check(checker, value, member, path, own, seen);
      return own;
    });
    if (!tries.some((own) => own.length === 0)) {
      problems.push(...tries.reduce((best, own) => (own.length < best.length ? own : best)));
    }
    return;
  }
  const fail = (what) => problems.push(`${path}: ${what}`);
  if (flags & ts.TypeFlags.Null) return value === null ? undefined : fail(`${JSON.stringify(value)} where null is declared`);
  if (value === null) return fail(`null, but ${checker.typeToString(type)} is declared (not nullable)`);
  if (value === undefined) return fail(`undefined, but ${checker.typeToString(type)} is declared`);
  if (flags & (ts.TypeFlags.StringLiteral | ts.TypeFlags.NumberLiteral | ts.TypeFlags.BooleanLiteral)) {
    return literalMatches(checker, value, type) ? undefined : fail(`${JSON.stringify(value)} is not ${checker.typeToString(type)}`);
  }
  if (flags & ts.TypeFlags.String) return typeof value === 'string' ? undefined : fail(`a ${typeof value}, not a string`);
  if (flags & ts.TypeFlags.Number) return typeof value === 'number' ? undefined : fail(`a ${typeof value}, not a number`);
  if (flags & ts.TypeFlags.Boolean) return typeof value === 'boolean' ? undefined : fail(`a ${typeof value}, not a boolean`);
  if (flags & ts.TypeFlags.NonPrimitive) return typeof value === 'object' ? undefined : fail(`a ${typeof value}, not an object`);
  if (checker.isTupleType(type)) return checkTuple(checker, value, type, path, problems, seen);
  if (checker.isArrayType(type)) {
    if (!Array.isArray(value)) return fail('not an array');
    const [element] = checker.getTypeArguments(type);
    value.forEach((item, i) => check(checker, item, element, `${path}[${i}]`, problems, seen));
    return;
  }
  if (type.getCallSignatures().length) return typeof value === 'function' ? undefined : fail(`a ${typeof value}, not a function`);
  if (flags & ts.TypeFlags.Object) return checkObject(checker, value, type, path, problems, seen);
  fail(`cannot check against ${checker.typeToString(type)}`);
}

function checkTuple(checker, value, type, path, problems, seen) {
  const elements = checker.getTypeArguments(type);
  if (!Array.isArray(value) || value.length !== elements.length) {
    problems.push(`${path}: ${JSON.stringify(value)} is not a tuple of ${elements.length}`);
    return;
  }
  elements.forEach((element, i) => check(checker, value[i], element, `${path}[${i}]`, problems, seen));
}

function checkObject(checker, value, type, path, problems, seen) {
  const name = nameOf(type);
  if (typeof value !== 'object' || Array.isArray(value)) {
    problems.push(`${path}: ${Array.isArray(value) ? 'an array' : `a ${typeof value}`}, not ${name}`);
    return;
  }
  seen.add(name);
  const declared = new Map(checker.getPropertiesOfType(type).map((p) => [p.name, p]));
  const indexType = checker.getIndexTypeOfType(type, ts.IndexKind.String);  // Record<string, string>
  for (const key of Object.keys(value)) {
    if (declared.has(key)) continue;
    if (indexType) check(checker, value[key], indexType, `${path}.${key}`, problems, seen);
    else problems.push(`${path}.${key}: present, but ${name} does not declare it`);
  }
  for (const [key, property] of declared) {
    if (!Object.hasOwn(value, key)) {
      if (!(property.flags & ts.SymbolFlags.Optional)) problems.push(`${path}.${key}: declared in ${name}, but absent`);
      continue;
    }
    check(checker, value[key], checker.getTypeOfSymbol(property), `${path}.${key}`, problems, seen);
  }
}
