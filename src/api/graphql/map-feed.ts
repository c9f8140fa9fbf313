/** Maps an async iterator, dropping values the mapper returns undefined for; closing it closes the source. */
export async function* mapFeed<In, Out>(source: AsyncIterableIterator<In>, map: (value: In) => Out | undefined): AsyncGenerator<Out> {
  try {
    for await (const value of source) {
      const mapped = map(value);
      if (mapped !== undefined) yield mapped;
    }
  } finally {
    await source.return?.();
  }
}
