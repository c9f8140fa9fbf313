/**
 * The project's one SQL subset, from text to its structured query (`select-query.ts`); RAC's
 * parallel query and the sharding engine both parse with it:
 *
 *   SELECT items FROM table [WHERE condition [AND condition]*] [GROUP BY column [, column]*]
 *     [ORDER BY term [ASC|DESC] [, term [ASC|DESC]]*] [LIMIT count]
 *
 * `items` is `*`, or columns, or GROUP BY columns and aggregates (`COUNT(*)`,
 * `COUNT|SUM|MIN|MAX|AVG(column)`, each optionally `AS alias`); a condition is
 * `column = | <> | != | < | <= | > | >= literal` or `column IN (literal [, literal]*)`; an ORDER BY
 * term is a result column, an alias, or a selected aggregate written again. Keywords in any case;
 * identifiers as written; literals are single-quoted strings ('' escapes a quote), numbers, TRUE or
 * FALSE. A hand-written tokenizer and recursive descent: strict, no eval, and every error names
 * the 1-based character position and what was expected there.
 */
import { DomainError } from '../runtime/domain-error.js';
import { AGGREGATE_FUNCTIONS, MAX_IN_VALUES, MAX_QUERY_LIMIT, type Aggregate, type AggregateFunction, type ComparisonOperator, type OrderTerm, type QueryFilter, type QueryValue, type SelectQuery } from './select-query.js';

const KEYWORDS = new Set(['SELECT', 'FROM', 'WHERE', 'AND', 'GROUP', 'BY', 'AS', 'ORDER', 'ASC', 'DESC', 'LIMIT', 'IN', 'TRUE', 'FALSE', ...AGGREGATE_FUNCTIONS]);

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

export interface ParseOptions {
  /**
   * RAC's parallel query's part of the subset: aggregates, WHERE equalities and GROUP BY only.
   * Comparisons other than `=`, `IN`, ORDER BY, LIMIT and queries of columns are refused where
   * they are written.
   */
  equalitiesOnly?: boolean;
}

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
      // A lone ! is a token too, so the parser can say which comparisons there are.
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

type SelectItem =
  | { kind: 'star'; position: number }
  | { kind: 'column'; column: NameAt }
  | { kind: 'aggregate'; aggregate: Aggregate; column: NameAt | null; position: number };

/** `FN(column)` or `COUNT(*)`, the function's name being the next token. */
function aggregateCall(tokens: Tokens, fn: AggregateFunction): NameAt | null {
  tokens.next();
  tokens.symbol('(', `( after ${fn}`);
  let column: NameAt | null = null;
  if (tokens.isSymbol('*')) {
    const star = tokens.next();
    if (fn !== 'COUNT') throw syntaxError(`${fn}(*) is not supported; only COUNT takes *`, star.position, `a column inside ${fn}( )`, '*');
  } else {
    column = tokens.identifier(fn === 'COUNT' ? 'a column or * inside COUNT( )' : `a column inside ${fn}( )`);
  }
  tokens.symbol(')', `) to close ${fn}(`);
  return column;
}

function aggregateFunctionAt(tokens: Tokens): AggregateFunction | null {
  const token = tokens.peek();
  const upper = token.kind === 'word' ? token.text.toUpperCase() : '';
  return (AGGREGATE_FUNCTIONS as readonly string[]).includes(upper) ? (upper as AggregateFunction) : null;
}

function selectItem(tokens: Tokens): SelectItem {
  const token = tokens.peek();
  if (tokens.isSymbol('*')) {
    tokens.next();
    return { kind: 'star', position: token.position };
  }
  const fn = aggregateFunctionAt(tokens);
  if (fn !== null) {
    const column = aggregateCall(tokens, fn);
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
  const column = tokens.identifier('*, a column or an aggregate (COUNT, SUM, MIN, MAX, AVG)');
  if (tokens.isKeyword('AS')) {
    const as = tokens.peek();
    throw syntaxError('An alias on a column is not supported; only aggregates take AS', as.position, ', or FROM', as.text);
  }
  return { kind: 'column', column };
}

const LITERAL = "a literal (a 'quoted string', a number, TRUE or FALSE)";

function literal(tokens: Tokens): QueryValue {
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
  if (tokens.isKeyword('TRUE') || tokens.isKeyword('FALSE')) {
    tokens.next();
    return token.text.toUpperCase() === 'TRUE';
  }
  throw tokens.unexpected(LITERAL);
}

const COMPARISONS: Readonly<Record<string, ComparisonOperator>> = { '=': '=', '<>': '<>', '!=': '<>', '<': '<', '<=': '<=', '>': '>', '>=': '>=' };

/** `column op literal` or `column IN (literal, ...)`. */
function condition(tokens: Tokens, first: boolean, equalitiesOnly: boolean): { filter: QueryFilter; column: NameAt } {
  const column = tokens.identifier(first ? 'a column after WHERE' : 'a column after AND');
  if (equalitiesOnly && !tokens.isSymbol('=')) throw tokens.unexpected(`= after ${column.name} (only equality is supported)`);
  if (tokens.isKeyword('IN')) {
    tokens.next();
    tokens.symbol('(', `( after IN`);
    const values: QueryValue[] = [literal(tokens)];
    while (tokens.isSymbol(',')) {
      tokens.next();
      const at = tokens.peek();
      values.push(literal(tokens));
      if (values.length > MAX_IN_VALUES) throw syntaxError(`An IN list holds at most ${MAX_IN_VALUES} values`, at.position, ') to close IN (', at.text);
    }
    tokens.symbol(')', ', or ) to close IN (');
    return { filter: { column: column.name, op: 'IN', values }, column };
  }
  const token = tokens.peek();
  const op = token.kind === 'symbol' ? COMPARISONS[token.text] : undefined;
  if (op === undefined) throw tokens.unexpected(`a comparison (=, <>, <, <=, >, >=) or IN after ${column.name}`);
  tokens.next();
  const value = literal(tokens);
  return { filter: op === '=' ? { column: column.name, value } : { column: column.name, op, value }, column };
}

/** An ORDER BY term as written: a name, or an aggregate written again. */
type OrderWritten = { kind: 'name'; name: NameAt } | { kind: 'aggregate'; fn: AggregateFunction; column: NameAt | null };
type OrderItem = OrderWritten & { direction: OrderTerm['direction']; position: number };

function orderItem(tokens: Tokens): OrderItem {
  const position = tokens.peek().position;
  const fn = aggregateFunctionAt(tokens);
  const written: OrderWritten = fn !== null ? { kind: 'aggregate', fn, column: aggregateCall(tokens, fn) } : { kind: 'name', name: tokens.identifier('a result column or an aggregate after ORDER BY') };
  let direction: OrderTerm['direction'] = 'ASC';
  if (tokens.isKeyword('ASC') || tokens.isKeyword('DESC')) direction = tokens.next().text.toUpperCase() as OrderTerm['direction'];
  return { ...written, direction, position };
}

function limitCount(tokens: Tokens): number {
  const token = tokens.peek();
  const expected = `a whole number from 0 to ${MAX_QUERY_LIMIT} after LIMIT`;
  if (token.kind !== 'number') throw tokens.unexpected(expected);
  const count = Number(token.text);
  if (!Number.isSafeInteger(count) || count < 0 || count > MAX_QUERY_LIMIT) throw syntaxError(`LIMIT ${token.text} is out of range`, token.position, expected, token.text);
  tokens.next();
  return count;
}

/** What may follow the clauses written so far. */
function nextClauses(written: { where: boolean; groupBy: boolean; orderBy: boolean }): string {
  if (written.orderBy) return ', ASC, DESC, LIMIT or the end of the query';
  if (written.groupBy) return ', ORDER BY, LIMIT or the end of the query';
  if (written.where) return 'AND, GROUP BY, ORDER BY, LIMIT or the end of the query';
  return 'WHERE, GROUP BY, ORDER BY, LIMIT or the end of the query';
}

function schemaError(message: string, name: NameAt, details: Record<string, unknown> = {}): DomainError {
  return new DomainError('UNPROCESSABLE', message, { field: 'query', position: name.position, column: name.name, ...details });
}

/**
 * Parses the query text into the engine's query (`text` kept as written, every aggregate with its
 * result name as `alias`, ORDER BY terms as result columns). With `columnsOf`, the table and every
 * column are checked too (and `*` expands to the table's columns), each error naming where it was
 * written.
 * @throws DomainError UNPROCESSABLE (syntax, ungrouped column, repeated names, unknown column, an
 * ORDER BY term that is no result column), or what `columnsOf` throws for an unknown table (NOT_FOUND).
 */
export function parseQueryText(text: string, columnsOf?: ColumnLookup, options: ParseOptions = {}): SelectQuery {
  const equalitiesOnly = options.equalitiesOnly === true;
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
    where.push(condition(tokens, true, equalitiesOnly));
    while (tokens.isKeyword('AND')) {
      tokens.next();
      where.push(condition(tokens, false, equalitiesOnly));
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
  const orderBy: OrderItem[] = [];
  if (equalitiesOnly && tokens.peek().kind !== 'end') throw tokens.unexpected(groupBy.length > 0 ? ', or the end of the query' : where.length > 0 ? 'AND, GROUP BY or the end of the query' : 'WHERE, GROUP BY or the end of the query');
  if (tokens.isKeyword('ORDER')) {
    tokens.next();
    tokens.keyword('BY', 'ORDER');
    orderBy.push(orderItem(tokens));
    while (tokens.isSymbol(',')) {
      tokens.next();
      orderBy.push(orderItem(tokens));
    }
  }
  let limit: number | undefined;
  if (tokens.isKeyword('LIMIT')) {
    tokens.next();
    limit = limitCount(tokens);
  }
  if (tokens.peek().kind !== 'end') {
    throw tokens.unexpected(limit !== undefined ? 'the end of the query' : nextClauses({ where: where.length > 0, groupBy: groupBy.length > 0, orderBy: orderBy.length > 0 }));
  }

  const star = items.find((item) => item.kind === 'star');
  if (star !== undefined && items.length > 1) {
    throw syntaxError('* selects every column and stands alone; list the columns instead', star.position, 'only * between SELECT and FROM', '*');
  }
  const grouped = new Set(groupBy.map((column) => column.name));
  for (const [index, column] of groupBy.entries()) {
    if (groupBy.findIndex((other) => other.name === column.name) !== index) throw schemaError(`Column "${column.name}" is grouped twice, at position ${column.position}.`, column);
  }
  const aggregates = items.flatMap((item) => (item.kind === 'aggregate' ? [item] : []));
  if (equalitiesOnly && aggregates.length === 0) {
    throw new DomainError('UNPROCESSABLE', 'The query selects no aggregate; select at least one of COUNT, SUM, MIN, MAX or AVG.', { field: 'query', position: items[0]!.kind === 'column' ? items[0]!.column.position : items[0]!.position });
  }
  const selectedColumns = items.flatMap((item) => (item.kind === 'column' ? [item.column] : []));
  if (aggregates.length > 0 || groupBy.length > 0) {
    for (const column of selectedColumns) {
      if (!grouped.has(column.name)) throw schemaError(`Column "${column.name}" at position ${column.position} is selected but not grouped; add it to GROUP BY or aggregate it.`, column);
    }
    if (star !== undefined) throw syntaxError('* cannot be selected with GROUP BY; select the grouped columns and aggregates', star.position, 'the grouped columns and aggregates', '*');
    if (aggregates.length === 0) {
      throw new DomainError('UNPROCESSABLE', 'The query groups but selects no aggregate; select at least one of COUNT, SUM, MIN, MAX or AVG.', { field: 'query', position: selectedColumns[0]?.position ?? 1 });
    }
  }
  const names: string[] = aggregates.length > 0 ? [...groupBy.map((column) => column.name)] : [];
  const resultItems = aggregates.length > 0 ? aggregates.map((item) => ({ name: item.aggregate.alias!, position: item.position })) : selectedColumns;
  for (const item of resultItems) {
    if (names.includes(item.name)) throw schemaError(`The result column "${item.name}" (position ${item.position}) is named twice; ${aggregates.length > 0 ? 'give it another alias with AS' : 'select it once'}.`, { name: item.name, position: item.position });
    names.push(item.name);
  }

  let tableColumns: readonly string[] | undefined;
  if (columnsOf !== undefined) {
    tableColumns = columnsOf(table.name);
    const named = [...items.flatMap((item) => (item.kind === 'column' ? [item.column] : item.kind === 'aggregate' && item.column !== null ? [item.column] : [])), ...where.map((entry) => entry.column), ...groupBy];
    const unknown = named.find((column) => !tableColumns!.includes(column.name));
    if (unknown !== undefined) {
      throw schemaError(`Column "${unknown.name}" (position ${unknown.position}) is not a column of ${table.name} (${tableColumns.join(', ')}).`, unknown, { columns: [...tableColumns] });
    }
  }
  const columns = aggregates.length > 0 ? undefined : star !== undefined ? [...(tableColumns ?? ['*'])] : selectedColumns.map((column) => column.name);

  const order = orderBy.map((item): OrderTerm => ({ column: resultColumnOf(item, aggregates, columns ?? names), direction: item.direction }));

  return {
    table: table.name,
    aggregates: aggregates.map((item) => item.aggregate),
    ...(columns === undefined ? {} : { columns }),
    ...(groupBy.length === 0 ? {} : { groupBy: groupBy.map((column) => column.name) }),
    ...(where.length === 0 ? {} : { where: where.map((entry) => entry.filter) }),
    ...(order.length === 0 ? {} : { orderBy: order }),
    ...(limit === undefined ? {} : { limit }),
    text,
  };
}

/** The result column an ORDER BY term names. @throws DomainError UNPROCESSABLE when it names none. */
function resultColumnOf(item: OrderItem, aggregates: readonly Extract<SelectItem, { kind: 'aggregate' }>[], resultColumns: readonly string[]): string {
  if (item.kind === 'aggregate') {
    const written = `${item.fn}(${item.column?.name ?? '*'})`;
    const selected = aggregates.find((candidate) => candidate.aggregate.fn === item.fn && (candidate.aggregate.column ?? null) === (item.column?.name ?? null));
    if (selected === undefined) {
      throw new DomainError('UNPROCESSABLE', `ORDER BY ${written} (position ${item.position}) orders by an aggregate the query does not select; select it too.`, { field: 'query', position: item.position, column: written });
    }
    return selected.aggregate.alias!;
  }
  // Without the table's columns, * may order by any column.
  if (resultColumns.includes(item.name.name) || (resultColumns.length === 1 && resultColumns[0] === '*')) return item.name.name;
  throw schemaError(`ORDER BY "${item.name.name}" (position ${item.position}) is not a result column; order by one of ${resultColumns.join(', ')}.`, item.name, { columns: [...resultColumns] });
}
