import CBuildInfo

/// What `plantrack --version` says: the version and the commit the binary was built from.
enum BuildInfo {
    static let version = "0.1.0"

    static var commit: String { String(cString: plantrack_build_commit()) }

    static var versionLine: String { "plantrack \(version), commit \(commit)" }
}
