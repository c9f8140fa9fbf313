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

  it('parses the smallest query', () => {
    expect(parseQueryText('SELECT MAX(amount) FROM sales')).toEqual({ table: 'sales', aggregates: [{ fn: 'MAX', column: 'amount', alias: 'max(amount)' }], text: 'SELECT MAX(amount) FROM sales' });
  });

  it.each([
    ['', 1, 'SELECT'],
    ['DELETE FROM sales', 1, 'SELECT'],
    ['SELECT FROM sales', 8, 'a column or an aggregate (COUNT, SUM, MIN, MAX, AVG)'],
    ['SELECT COUNT(*) sales', 17, ', or FROM'],
    ['SELECT SUM(*) FROM sales', 12, 'a column inside SUM( )'],
    ['SELECT SUM(amount FROM sales', 19, ') to close SUM('],
    ['SELECT COUNT(*) FROM sales WHERE amount > 3', 41, '= after amount (only equality is supported)'],
    ["SELECT COUNT(*) FROM sales WHERE region = 'eu", 43, "a closing '"],
    ['SELECT COUNT(*) FROM sales WHERE region = eu', 43, "a literal (a 'quoted string' or a number)"],
    ['SELECT COUNT(*) FROM sales GROUP region', 34, 'BY after GROUP'],
    ['SELECT COUNT(*) FROM sales;', 27, 'a keyword, an identifier, a literal or one of ( ) , * ='],
    ['SELECT COUNT(*) FROM sales ORDER BY region', 28, 'WHERE, GROUP BY or the end of the query'],
    ['SELECT COUNT(*) AS from FROM sales', 20, 'an alias after AS'],
    ['SELECT region AS r, COUNT(*) FROM sales GROUP BY region', 15, ', or FROM'],
  ])('refuses %j at position %i, saying what it expected', (text, position, expected) => {
    const error = failure(text);
    expect(error.code).toBe('UNPROCESSABLE');
    expect(error.details).toMatchObject({ field: 'query', position, expected });
    expect(error.message).toContain(`position ${position}`);
  });

  it('refuses an ungrouped column, a query without aggregate, and repeated names', () => {
    expect(failure('SELECT region, COUNT(*) FROM sales').details).toMatchObject({ column: 'region', position: 8 });
    expect(failure('SELECT region FROM sales GROUP BY region').message).toContain('no aggregate');
    expect(failure('SELECT COUNT(*), COUNT(*) FROM sales').details).toMatchObject({ column: 'count(*)', position: 18 });
    expect(failure('SELECT region, COUNT(*) AS region FROM sales GROUP BY region').details).toMatchObject({ column: 'region' });
    expect(failure('SELECT COUNT(*) FROM sales GROUP BY region, region').details).toMatchObject({ column: 'region', position: 45 });
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
