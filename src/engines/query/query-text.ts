/**
 * The project's one SQL subset, from text to its structured query (`select-query.ts`); RAC's
 * parallel query and the sharding engine both parse with it:
 *
 *   SELECT item [, item]* FROM table [WHERE column = literal [AND column = literal]*] [GROUP BY column [, column]*]
 *
 * where `item` is a GROUP BY column, `COUNT(*)`, or `COUNT|SUM|MIN|MAX|AVG(column)` optionally
 * `AS alias`. Keywords in any case; identifiers as written; literals are single-quoted strings
 * ('' escapes a quote) or numbers. A hand-written tokenizer and recursive descent: strict, no
 * eval, and every error names the 1-based character position and what was expected there.
 */
import { DomainError } from '../runtime/domain-error.js';
import { AGGREGATE_FUNCTIONS, type Aggregate, type AggregateFunction, type QueryFilter, type SelectQuery } from './select-query.js';

const KEYWORDS = new Set(['SELECT', 'FROM', 'WHERE', 'AND', 'GROUP', 'BY', 'AS', ...AGGREGATE_FUNCTIONS]);

type TokenKind = 'word' | 'string' | 'number' | 'symbol' | 'end';

interface Token {
  kind: TokenKind;
  /** The word or symbol as written; a string literal's value; a number's text. */
  text: string;
  /** 1-based character position of its first character. */
  position: number;
}

/** Where a name was written, so schema errors can point at it. */
interface NameAt {
  name: string;
  position: number;
}

/** The columns of a table; throws (NOT_FOUND) for an unknown table. */
export type ColumnLookup = (table: string) => readonly string[];

function syntaxError(message: string, position: number, expected: string, found: string | null): DomainError {
  return new DomainError('UNPROCESSABLE', `${message} at position ${position}.`, { field: 'query', position, expected, found });
}

function describe(token: Token): string {
  switch (token.kind) {
    case 'end':
      return 'the end of the query';
    case 'string':
      return `'${token.text}'`;
    default:
      return `"${token.text}"`;
  }
}

/** The tokens of the text, ending with an `end` token. @throws DomainError UNPROCESSABLE on a character outside the subset. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < text.length) {
    const char = text[index]!;
    const position = index + 1;
    if (/\s/.test(char)) {
      index += 1;
    } else if (/[A-Za-z_]/.test(char)) {
      const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(index))![0];
      tokens.push({ kind: 'word', text: match, position });
      index += match.length;
    } else if (/[0-9]/.test(char) || (char === '-' && /[0-9]/.test(text[index + 1] ?? ''))) {
      const match = /^-?[0-9]+(\.[0-9]+)?/.exec(text.slice(index))![0];
      if (/[A-Za-z_]/.test(text[index + match.length] ?? '')) throw syntaxError(`A number runs into a letter`, position + match.length, 'a space, a comma or a keyword after the number', text[index + match.length]!);
      tokens.push({ kind: 'number', text: match, position });
      index += match.length;
    } else if (char === "'") {
      let value = '';
      let end = index + 1;
      for (;;) {
        if (end >= text.length) throw syntaxError('A string literal is not closed', position, "a closing '", null);
        if (text[end] === "'") {
          if (text[end + 1] === "'") {
            value += "'";
            end += 2;
            continue;
          }
          break;
        }
        value += text[end];
        end += 1;
      }
      tokens.push({ kind: 'string', text: value, position });
      index = end + 1;
    } else if ('(),*='.includes(char)) {
      tokens.push({ kind: 'symbol', text: char, position });
      index += 1;
    } else if ('<>!'.includes(char)) {
      // Comparisons outside the subset are tokens, so the parser can say only = is supported.
      const match = /^(<>|[<>!]=?)/.exec(text.slice(index))![0];
      tokens.push({ kind: 'symbol', text: match, position });
      index += match.length;
    } else {
      throw syntaxError(`Unexpected character "${char}"`, position, 'a keyword, an identifier, a literal or one of ( ) , * =', char);
    }
  }
  tokens.push({ kind: 'end', text: '', position: text.length + 1 });
  return tokens;
}

/** A cursor over the tokens with the expectations the grammar needs. */
class Tokens {
  private index = 0;
  constructor(private readonly tokens: readonly Token[]) {}

  peek(): Token {
    return this.tokens[this.index]!;
  }

  next(): Token {
    const token = this.tokens[this.index]!;
    if (token.kind !== 'end') this.index += 1;
    return token;
  }

  isKeyword(keyword: string): boolean {
    const token = this.peek();
    return token.kind === 'word' && token.text.toUpperCase() === keyword;
  }

  isSymbol(symbol: string): boolean {
    const token = this.peek();
    return token.kind === 'symbol' && token.text === symbol;
  }

  keyword(keyword: string, after?: string): Token {
    if (!this.isKeyword(keyword)) throw this.unexpected(after === undefined ? keyword : `${keyword} after ${after}`);
    return this.next();
  }

  symbol(symbol: string, what: string): Token {
    if (!this.isSymbol(symbol)) throw this.unexpected(what);
    return this.next();
  }

  /** A table, column or alias name: a word that is not a keyword. */
  identifier(what: string): NameAt {
    const token = this.peek();
    if (token.kind !== 'word' || KEYWORDS.has(token.text.toUpperCase())) throw this.unexpected(what);
    this.next();
    return { name: token.text, position: token.position };
  }

  unexpected(expected: string): DomainError {
    const token = this.peek();
    return syntaxError(`Expected ${expected}, found ${describe(token)}`, token.position, expected, token.kind === 'end' ? null : token.text);
  }
}

type SelectItem = { kind: 'column'; column: NameAt } | { kind: 'aggregate'; aggregate: Aggregate; column: NameAt | null; position: number };

function selectItem(tokens: Tokens): SelectItem {
  const token = tokens.peek();
  const upper = token.kind === 'word' ? token.text.toUpperCase() : '';
  if ((AGGREGATE_FUNCTIONS as readonly string[]).includes(upper)) {
    tokens.next();
    const fn = upper as AggregateFunction;
    tokens.symbol('(', `( after ${fn}`);
    let column: NameAt | null = null;
    if (tokens.isSymbol('*')) {
      const star = tokens.next();
      if (fn !== 'COUNT') throw syntaxError(`${fn}(*) is not supported; only COUNT takes *`, star.position, `a column inside ${fn}( )`, '*');
    } else {
      column = tokens.identifier(fn === 'COUNT' ? 'a column or * inside COUNT( )' : `a column inside ${fn}( )`);
    }
    tokens.symbol(')', `) to close ${fn}(`);
    let alias: string;
    if (tokens.isKeyword('AS')) {
      tokens.next();
      alias = tokens.identifier('an alias after AS').name;
    } else {
      alias = `${fn.toLowerCase()}(${column?.name ?? '*'})`;
    }
    const aggregate: Aggregate = { fn, alias, ...(column === null ? {} : { column: column.name }) };
    return { kind: 'aggregate', aggregate, column, position: token.position };
  }
  const column = tokens.identifier('a column or an aggregate (COUNT, SUM, MIN, MAX, AVG)');
  if (tokens.isKeyword('AS')) {
    const as = tokens.peek();
    throw syntaxError('An alias on a GROUP BY column is not supported; only aggregates take AS', as.position, ', or FROM', as.text);
  }
  return { kind: 'column', column };
}

function literal(tokens: Tokens): string | number {
  const token = tokens.peek();
  if (token.kind === 'string') {
    tokens.next();
    return token.text;
  }
  if (token.kind === 'number') {
    tokens.next();
    const value = Number(token.text);
    if (!Number.isFinite(value)) throw syntaxError(`The number ${token.text} is out of range`, token.position, 'a finite number', token.text);
    return value;
  }
  throw tokens.unexpected("a literal (a 'quoted string' or a number)");
}

/**
 * Parses the query text into the engine's query (`text` kept as written, every aggregate with its
 * result name as `alias`). With `columnsOf`, the table and every column are checked too, each
 * error naming where it was written.
 * @throws DomainError UNPROCESSABLE (syntax, ungrouped column, repeated names, unknown column), or
 * what `columnsOf` throws for an unknown table (NOT_FOUND).
 */
export function parseQueryText(text: string, columnsOf?: ColumnLookup): SelectQuery {
  if (typeof text !== 'string') throw syntaxError('The query must be text', 1, 'SELECT', null);
  const tokens = new Tokens(tokenize(text));
  tokens.keyword('SELECT');
  const items: SelectItem[] = [selectItem(tokens)];
  while (tokens.isSymbol(',')) {
    tokens.next();
    items.push(selectItem(tokens));
  }
  if (!tokens.isKeyword('FROM')) throw tokens.unexpected(', or FROM');
  tokens.next();
  const table = tokens.identifier('a table name after FROM');
  const where: { filter: QueryFilter; column: NameAt }[] = [];
  if (tokens.isKeyword('WHERE')) {
    tokens.next();
    for (;;) {
      const column = tokens.identifier(where.length === 0 ? 'a column after WHERE' : 'a column after AND');
      tokens.symbol('=', `= after ${column.name} (only equality is supported)`);
      where.push({ filter: { column: column.name, value: literal(tokens) }, column });
      if (!tokens.isKeyword('AND')) break;
      tokens.next();
    }
  }
  const groupBy: NameAt[] = [];
  if (tokens.isKeyword('GROUP')) {
    tokens.next();
    tokens.keyword('BY', 'GROUP');
    groupBy.push(tokens.identifier('a column after GROUP BY'));
    while (tokens.isSymbol(',')) {
      tokens.next();
      groupBy.push(tokens.identifier('a column after ,'));
    }
  }
  if (tokens.peek().kind !== 'end') {
    throw tokens.unexpected(groupBy.length > 0 ? ', or the end of the query' : where.length > 0 ? 'AND, GROUP BY or the end of the query' : 'WHERE, GROUP BY or the end of the query');
  }

  const grouped = new Set(groupBy.map((column) => column.name));
  for (const [index, column] of groupBy.entries()) {
    if (groupBy.findIndex((other) => other.name === column.name) !== index) {
      throw new DomainError('UNPROCESSABLE', `Column "${column.name}" is grouped twice, at position ${column.position}.`, { field: 'query', position: column.position, column: column.name });
    }
  }
  for (const item of items) {
    if (item.kind === 'column' && !grouped.has(item.column.name)) {
      throw new DomainError('UNPROCESSABLE', `Column "${item.column.name}" at position ${item.column.position} is selected but not grouped; add it to GROUP BY or aggregate it.`, {
        field: 'query',
        position: item.column.position,
        column: item.column.name,
      });
    }
  }
  const aggregates = items.flatMap((item) => (item.kind === 'aggregate' ? [item] : []));
  if (aggregates.length === 0) {
    throw new DomainError('UNPROCESSABLE', 'The query selects no aggregate; select at least one of COUNT, SUM, MIN, MAX or AVG.', { field: 'query', position: items[0]!.kind === 'column' ? items[0]!.column.position : 1 });
  }
  const names = [...groupBy.map((column) => column.name)];
  for (const item of aggregates) {
    const name = item.aggregate.alias!;
    if (names.includes(name)) {
      throw new DomainError('UNPROCESSABLE', `The result column "${name}" (position ${item.position}) is named twice; give it another alias with AS.`, { field: 'query', position: item.position, column: name });
    }
    names.push(name);
  }

  if (columnsOf !== undefined) {
    const columns = columnsOf(table.name);
    const named = [...items.flatMap((item) => (item.kind === 'column' ? [item.column] : item.column === null ? [] : [item.column])), ...where.map((entry) => entry.column), ...groupBy];
    const unknown = named.find((column) => !columns.includes(column.name));
    if (unknown !== undefined) {
      throw new DomainError('UNPROCESSABLE', `Column "${unknown.name}" (position ${unknown.position}) is not a column of ${table.name} (${columns.join(', ')}).`, {
        field: 'query',
        position: unknown.position,
        column: unknown.name,
        columns: [...columns],
      });
    }
  }

  return {
    table: table.name,
    aggregates: aggregates.map((item) => item.aggregate),
    ...(groupBy.length === 0 ? {} : { groupBy: groupBy.map((column) => column.name) }),
    ...(where.length === 0 ? {} : { where: where.map((entry) => entry.filter) }),
    text,
  };
}
