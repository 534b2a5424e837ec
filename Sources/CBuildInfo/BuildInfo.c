#include "CBuildInfo.h"

// `make` writes the commit to .build/plantrack-commit.h (outside git, so building never
// dirties the tree) and touches this file when it changes. A plain `swift build`
// finds no such header and still builds.
#if __has_include("../../.build/plantrack-commit.h")
#include "../../.build/plantrack-commit.h"
#endif

#ifndef PLANTRACK_COMMIT
#define PLANTRACK_COMMIT "unknown"
#endif

const char *plantrack_build_commit(void) { return PLANTRACK_COMMIT; }
