// Most of this package's tests start servers (LocalKube, the emulator, an operator) in-process
// and wait on them against a time limit. swift-testing starts every test case at once unless
// told otherwise, so on a small machine a test's time limit measured its wait for a CPU behind
// six hundred others rather than its own work. This caps how many run at once at two per core
// (on 2 cores: 4 at once ran the suite in 212 s, 8 in 232 s; all at once took 205 s with 8 to
// 30 tests over their limits). It is set before the runner reads its configuration: a
// constructor runs when the test binary is loaded, ahead of main. A width already in the
// environment wins (a large one lifts the cap).
#include "TestConcurrency.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static const char *const widthVariable = "SWT_EXPERIMENTAL_MAXIMUM_PARALLELIZATION_WIDTH";

__attribute__((constructor)) static void test_concurrency_limit(void) {
    if (getenv(widthVariable) != NULL) return;
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    if (cores < 1) cores = 1;
    char width[16];
    snprintf(width, sizeof width, "%ld", 2 * cores);
    setenv(widthVariable, width, 0);
}

int test_concurrency_width(void) {
    const char *value = getenv(widthVariable);
    return value == NULL ? 0 : atoi(value);
}
