import type { Reporter, SerializedError, TestModule } from 'vitest/node';

/**
 * Prints one closing line, "Tests: N passed, N failed[, N skipped][, N unhandled errors]", that CI
 * understands. An unhandled error fails the run even when every test passed, so the line says so.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const testModule of testModules) {
      for (const testCase of testModule.children.allTests()) {
        const state = testCase.result().state;
        if (state === 'passed') passed += 1;
        else if (state === 'failed') failed += 1;
        else skipped += 1;
      }
      if (testModule.state() === 'failed' && testModule.children.size === 0) failed += 1;
    }
    const skippedPart = skipped > 0 ? `, ${skipped} skipped` : '';
    const unhandledPart = unhandledErrors.length > 0 ? `, ${unhandledErrors.length} unhandled errors` : '';
    process.stdout.write(`\nTests: ${passed} passed, ${failed} failed${skippedPart}${unhandledPart}\n`);
  }
}
