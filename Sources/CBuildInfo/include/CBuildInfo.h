#ifndef CBUILDINFO_H
#define CBUILDINFO_H

/// The commit plantrack was built from, as `make` wrote it; "unknown" for a plain
/// `swift build`.
const char *plantrack_build_commit(void);

#endif
