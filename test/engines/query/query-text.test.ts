import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../src/engines/runtime/domain-error.js';
import { parseQueryText } from '../../../src/engines/query/query-text.js';

const SALES = ['id', 'region', 'product', 'amount', 'quantity'];
const columnsOf = (table: string): readonly string[] => {
  if (table === 'sales') return SALES;
  throw new DomainError('NOT_FOUND', `No table ${table}.`, { table });
};

function failure(text: string): DomainError {
  try {
    parseQueryText(text, columnsOf);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error(`parsed: ${text}`);
}

describe('the parallel query text', () => {
  it('parses every clause: aggregates with and without aliases, several equalities, grouping', () => {
    const text = "select region, SUM(amount) AS total, count(*), Avg(quantity) FROM sales WHERE product = 'it''s' AND quantity = -3.5 GROUP BY region";
    expect(parseQueryText(text, columnsOf)).toEqual({
      table: 'sales',
      aggregates: [
        { fn: 'SUM', column: 'amount', alias: 'total' },
        { fn: 'COUNT', alias: 'count(*)' },
        { fn: 'AVG', column: 'quantity', alias: 'avg(quantity)' },
      ],
      groupBy: ['region'],
      where: [
        { column: 'product', value: "it's" },
        { column: 'quantity', value: -3.5 },
      ],
      text,
    });
  });

  it('parses comparisons, IN, ORDER BY (columns, aliases or aggregates written again) and LIMIT', () => {
    const text = "SELECT region, SUM(amount) AS total, COUNT(*) FROM sales WHERE amount >= 10 AND quantity <> 0 AND quantity != 1 AND id < 5 AND id <= 4 AND amount > -1 AND region IN ('eu', 'us') GROUP BY region ORDER BY total DESC, COUNT(*), region asc LIMIT 3";
    expect(parseQueryText(text, columnsOf)).toMatchObject({
      where: [
        { column: 'amount', op: '>=', value: 10 },
        { column: 'quantity', op: '<>', value: 0 },
        { column: 'quantity', op: '<>', value: 1 },
        { column: 'id', op: '<', value: 5 },
        { column: 'id', op: '<=', value: 4 },
        { column: 'amount', op: '>', value: -1 },
        { column: 'region', op: 'IN', values: ['eu', 'us'] },
      ],
      orderBy: [
        { column: 'total', direction: 'DESC' },
        { column: 'count(*)', direction: 'ASC' },
        { column: 'region', direction: 'ASC' },
      ],
      limit: 3,
    });
  });

  it('parses a query of columns, and * expanded to the table columns (kept as * without them)', () => {
    expect(parseQueryText('SELECT id, amount FROM sales WHERE product = TRUE ORDER BY amount DESC LIMIT 0', columnsOf)).toEqual({
      table: 'sales',
      aggregates: [],
      columns: ['id', 'amount'],
      where: [{ column: 'product', value: true }],
      orderBy: [{ column: 'amount', direction: 'DESC' }],
      limit: 0,
      text: 'SELECT id, amount FROM sales WHERE product = TRUE ORDER BY amount DESC LIMIT 0',
    });
    expect(parseQueryText('SELECT * FROM sales ORDER BY region', columnsOf)).toMatchObject({ columns: SALES, orderBy: [{ column: 'region', direction: 'ASC' }] });
    expect(parseQueryText('SELECT * FROM sales ORDER BY anything')).toMatchObject({ columns: ['*'], orderBy: [{ column: 'anything', direction: 'ASC' }] });
  });

  it('parses the smallest query', () => {
    expect(parseQueryText('SELECT MAX(amount) FROM sales')).toEqual({ table: 'sales', aggregates: [{ fn: 'MAX', column: 'amount', alias: 'max(amount)' }], text: 'SELECT MAX(amount) FROM sales' });
  });

  it.each([
    ['', 1, 'SELECT'],
    ['DELETE FROM sales', 1, 'SELECT'],
    ['SELECT FROM sales', 8, '*, a column or an aggregate (COUNT, SUM, MIN, MAX, AVG)'],
    ['SELECT COUNT(*) sales', 17, ', or FROM'],
    ['SELECT SUM(*) FROM sales', 12, 'a column inside SUM( )'],
    ['SELECT SUM(amount FROM sales', 19, ') to close SUM('],
    ['SELECT COUNT(*) FROM sales WHERE amount 3', 41, 'a comparison (=, <>, <, <=, >, >=) or IN after amount'],
    ['SELECT COUNT(*) FROM sales WHERE amount ! 3', 41, 'a comparison (=, <>, <, <=, >, >=) or IN after amount'],
    ['SELECT COUNT(*) FROM sales WHERE region IN ()', 45, "a literal (a 'quoted string', a number, TRUE or FALSE)"],
    ["SELECT COUNT(*) FROM sales WHERE region IN ('eu' 'us')", 50, ', or ) to close IN ('],
    ['SELECT COUNT(*) FROM sales WHERE region IN 3', 44, '( after IN'],
    ["SELECT COUNT(*) FROM sales WHERE region = 'eu", 43, "a closing '"],
    ['SELECT COUNT(*) FROM sales WHERE region = eu', 43, "a literal (a 'quoted string', a number, TRUE or FALSE)"],
    ['SELECT COUNT(*) FROM sales GROUP region', 34, 'BY after GROUP'],
    ['SELECT COUNT(*) FROM sales;', 27, 'a keyword, an identifier, a literal or one of ( ) , * ='],
    ['SELECT COUNT(*) FROM sales HAVING COUNT(*) > 1', 28, 'WHERE, GROUP BY, ORDER BY, LIMIT or the end of the query'],
    ["SELECT COUNT(*) FROM sales WHERE region = 'eu' OR region = 'us'", 48, 'AND, GROUP BY, ORDER BY, LIMIT or the end of the query'],
    ['SELECT region, COUNT(*) FROM sales GROUP BY region LIMIT', 57, 'a whole number from 0 to 100000 after LIMIT'],
    ['SELECT region, COUNT(*) FROM sales GROUP BY region LIMIT -1', 58, 'a whole number from 0 to 100000 after LIMIT'],
    ['SELECT region, COUNT(*) FROM sales GROUP BY region LIMIT 2.5', 58, 'a whole number from 0 to 100000 after LIMIT'],
    ['SELECT region, COUNT(*) FROM sales GROUP BY region ORDER region', 58, 'BY after ORDER'],
    ['SELECT region, COUNT(*) FROM sales GROUP BY region ORDER BY region UP', 68, ', ASC, DESC, LIMIT or the end of the query'],
    ['SELECT id FROM sales LIMIT 3 ORDER BY id', 30, 'the end of the query'],
    ['SELECT *, id FROM sales', 8, 'only * between SELECT and FROM'],
    ['SELECT COUNT(*) AS from FROM sales', 20, 'an alias after AS'],
    ['SELECT region AS r, COUNT(*) FROM sales GROUP BY region', 15, ', or FROM'],
  ])('refuses %j at position %i, saying what it expected', (text, position, expected) => {
    const error = failure(text);
    expect(error.code).toBe('UNPROCESSABLE');
    expect(error.details).toMatchObject({ field: 'query', position, expected });
    expect(error.message).toContain(`position ${position}`);
  });

  it('refuses an ungrouped column, a grouping without aggregate, repeated names, and an ORDER BY of no result column', () => {
    expect(failure('SELECT region, COUNT(*) FROM sales').details).toMatchObject({ column: 'region', position: 8 });
    expect(failure('SELECT id, id FROM sales').details).toMatchObject({ column: 'id', position: 12 });
    expect(failure('SELECT id FROM sales ORDER BY amount').details).toMatchObject({ column: 'amount', position: 31, columns: ['id'] });
    expect(failure('SELECT region, COUNT(*) FROM sales GROUP BY region ORDER BY SUM(amount)').message).toBe(
      'ORDER BY SUM(amount) (position 61) orders by an aggregate the query does not select; select it too.',
    );
    expect(failure('SELECT region FROM sales GROUP BY region').message).toContain('no aggregate');
    expect(failure('SELECT * FROM sales GROUP BY region').details).toMatchObject({ position: 8 });
    expect(failure('SELECT COUNT(*), COUNT(*) FROM sales').details).toMatchObject({ column: 'count(*)', position: 18 });
    expect(failure('SELECT region, COUNT(*) AS region FROM sales GROUP BY region').details).toMatchObject({ column: 'region' });
    expect(failure('SELECT COUNT(*) FROM sales GROUP BY region, region').details).toMatchObject({ column: 'region', position: 45 });
  });

  it("keeps to RAC's part of the subset when asked: equalities only, no ORDER BY, LIMIT or query of columns", () => {
    const refused = (text: string) => {
      try {
        parseQueryText(text, columnsOf, { equalitiesOnly: true });
      } catch (error) {
        return (error as DomainError).details;
      }
      throw new Error(`parsed: ${text}`);
    };
    expect(refused('SELECT COUNT(*) FROM sales WHERE amount > 3')).toMatchObject({ position: 41, expected: '= after amount (only equality is supported)' });
    expect(refused("SELECT COUNT(*) FROM sales WHERE region IN ('eu')")).toMatchObject({ position: 41 });
    expect(refused('SELECT region, COUNT(*) FROM sales GROUP BY region ORDER BY region')).toMatchObject({ position: 52, expected: ', or the end of the query' });
    expect(refused('SELECT COUNT(*) FROM sales LIMIT 1')).toMatchObject({ position: 28, expected: 'WHERE, GROUP BY or the end of the query' });
    expect(refused('SELECT id FROM sales')).toMatchObject({ position: 8 });
    expect(parseQueryText("SELECT region, COUNT(*) FROM sales WHERE product = 'a' GROUP BY region", columnsOf, { equalitiesOnly: true }).where).toEqual([{ column: 'product', value: 'a' }]);
  });

  it('checks the table and columns against the schema, pointing at the unknown column', () => {
    const unknown = failure("SELECT SUM(price) FROM sales WHERE region = 'eu'");
    expect(unknown.code).toBe('UNPROCESSABLE');
    expect(unknown.details).toMatchObject({ field: 'query', column: 'price', position: 12 });
    expect(unknown.message).toBe('Column "price" (position 12) is not a column of sales (id, region, product, amount, quantity).');
    expect(failure('SELECT COUNT(*) FROM orders').code).toBe('NOT_FOUND');
    // Without a schema only the syntax is checked.
    expect(parseQueryText('SELECT SUM(price) FROM orders').table).toBe('orders');
  });
});
