#ifndef TEST_CONCURRENCY_H
#define TEST_CONCURRENCY_H

/// How many test cases swift-testing runs at once in this process: the value of
/// SWT_EXPERIMENTAL_MAXIMUM_PARALLELIZATION_WIDTH, which test_concurrency_limit() set before
/// the runner read it unless the caller's environment already chose one.
int test_concurrency_width(void);

#endif
