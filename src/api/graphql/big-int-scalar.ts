import { GraphQLError, GraphQLScalarType, print, type ValueNode } from 'graphql';
import { BigIntResolver as LibraryBigInt } from 'graphql-scalars';

/**
 * The BigInt scalar of graphql-scalars, without its console warning.
 *
 * graphql-scalars 2.0 warns ("By default, BigInts are not serialized to JSON as numbers…",
 * pointing at json-bigint-patch) the first time it parses a BigInt while BigInt.prototype.toJSON
 * is unset, and building the schema parses the BigInt default values of arguments, so every start
 * (and every test file that builds a schema) printed it. The library has no switch for the
 * warning; the fix it suggests, patching BigInt.prototype.toJSON, would change what resolvers
 * receive (a bigint instead of a number) and how responses are written. This API wants the
 * unpatched behaviour (codegen.yml: every BigInt is below 2^53 and reaches resolvers as a number),
 * so this scalar parses exactly as the library does without the patch, minus the warning:
 * a safe integer becomes a number, a larger one a bigint. Serializing stays the library's (it
 * warns only for a value beyond 2^53, which would deserve it).
 */
export const BigIntResolver = new GraphQLScalarType({
  ...LibraryBigInt.toConfig(),
  parseValue(inputValue: unknown) {
    const text = String(inputValue);
    return wholeNumberOf(text, BigInt(text), () => new GraphQLError(`BigInt cannot represent value: ${text}`));
  },
  parseLiteral(valueNode: ValueNode) {
    if (!('value' in valueNode)) {
      throw new GraphQLError(`BigInt cannot represent non-integer value: ${print(valueNode)}`, { nodes: valueNode });
    }
    const text = String(valueNode.value);
    return wholeNumberOf(text, BigInt(valueNode.value), () => new GraphQLError(`BigInt cannot represent value: ${text}`));
  },
});

function wholeNumberOf(text: string, value: bigint, refusal: () => GraphQLError): number | bigint {
  if (value.toString() !== text) throw refusal();
  const safe = value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER);
  return safe ? Number(value) : value;
}
